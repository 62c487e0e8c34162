package com.breakagency.core.crm;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Brand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class ConcurrentBrandUpdateTest {

    @RepeatedTest(20)
    void two_threads_updating_the_same_brand_from_one_version_one_wins_and_one_update_is_audited() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            Brand brand = a.aBrand("agent-1");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (String name : List.of("First name", "Second name")) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        a.crm().updateBrand(AgencyFixture.anAgent("agent-1"), UpdateBrand.of(brand.id(), brand.version()).withName(name).withDomains(brand.domains()).ownedBy("agent-1"));
                        return "won";
                    } catch (BreakException e) {
                        return e.code() + "/" + e.reason();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            results.sort(null);
            assertEquals(List.of(ErrorCode.CONFLICT + "/" + Reason.VERSION_MISMATCH, "won"), results);
            long updates = a.stores().auditLog().byEntity(EntityRef.of(EntityType.BRAND, brand.id()), Optional.empty(), 10)
                    .stream().filter(e -> e.action() == AuditAction.BRAND_UPDATED).count();
            assertEquals(1, updates);
            assertEquals(2, a.crm().getBrand(AgencyFixture.anAdmin(), brand.id()).version());
        } finally {
            threads.shutdownNow();
        }
    }
}
