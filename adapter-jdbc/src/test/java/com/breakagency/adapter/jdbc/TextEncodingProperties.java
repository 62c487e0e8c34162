package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The JSON text collections are kept in, and the case folding behind literal prefix filters. */
class TextEncodingProperties {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("\"\\/\n\t\u0000\u001f{}[],:% _!aZß\u0130\u0131\u00e9\ud83d\ude00")
                        .ofMaxLength(12));
    }

    @Property(tries = 300)
    void any_list_of_strings_survives_json_text(@ForAll List<@From("text") String> values) {
        assertEquals(values, JsonText.parseStrings(JsonText.strings(values)));
    }

    @Property(tries = 300)
    void any_map_of_strings_survives_json_text_in_order(@ForAll List<@From("text") String> keys,
                                                        @ForAll("text") String value) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : keys) {
            map.put(key, value + key);
        }
        Map<String, String> read = JsonText.parseObject(JsonText.object(map));
        assertEquals(map, read);
        assertEquals(List.copyOf(map.keySet()), List.copyOf(read.keySet()));
        assertEquals(List.of(map, Map.of()), JsonText.parseObjects(JsonText.objects(List.of(map, Map.of()))));
    }

    @Example
    void json_written_by_someone_else_with_spaces_and_escapes_reads_too() {
        assertEquals(Map.of("a", "x\u00e9/\"", "b", ""),
                JsonText.parseObject(" { \"a\" : \"x\\u00e9\\/\\\"\" ,\n\"b\":\"\" } "));
        assertEquals(List.of(), JsonText.parseStrings("[ ]"));
        for (String bad : new String[] {"", "[", "[1]", "{\"a\":1}", "[\"a\",]", "\"a\"", "[\"\\x\"]", "[] []"}) {
            assertThrows(IllegalStateException.class, () -> JsonText.parseStrings(bad), bad);
        }
    }

    /**
     * A folded prefix of folded text is exactly what {@link String#regionMatches(boolean, int, String, int, int)}
     * calls a prefix ignoring case, which is what the in-memory stores compare.
     */
    @Property(tries = 1000)
    void folding_agrees_with_java_on_what_a_prefix_ignoring_case_is(@ForAll("text") String text,
                                                                    @ForAll("text") String prefix) {
        assertEquals(text.regionMatches(true, 0, prefix, 0, prefix.length()),
                Where.fold(text).startsWith(Where.fold(prefix)), () -> text + " / " + prefix);
        assertEquals(text.length(), Where.fold(text).length());
    }

    @Example
    void like_wildcards_in_a_prefix_are_escaped() {
        assertEquals("50!% off!_now!!", Where.escapeLike("50% off_now!"));
    }
}
