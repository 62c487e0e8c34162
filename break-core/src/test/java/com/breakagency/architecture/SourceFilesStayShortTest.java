package com.breakagency.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file of break-core grows past 400 lines: a class that long holds more than one job, as
 * FinanceService once did with six. Split it by job behind the same public type instead.
 */
class SourceFilesStayShortTest {

    private static final int MOST_LINES = 400;
    private static final Path MAIN = Path.of("src", "main", "java");

    @Test
    void no_main_source_file_is_over_400_lines() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 40, "the scan must see break-core's sources, saw " + files.size());
        List<String> tooLong = files.stream()
                .filter(p -> lines(p) > MOST_LINES)
                .map(p -> MAIN.relativize(p) + " (" + lines(p) + " lines)")
                .sorted().toList();
        assertEquals(List.of(), tooLong);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
