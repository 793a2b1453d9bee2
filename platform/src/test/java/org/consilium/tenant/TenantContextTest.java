package org.consilium.tenant;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantContextTest {

	static final TenantId ACME = TenantId.of("acme");

	static final TenantId GLOBEX = TenantId.of("globex");

	@AfterEach
	void nothingLeftBehind() {
		assertThat(TenantContext.find()).isEmpty();
	}

	@Test
	void there_is_no_default_tenant() {
		assertThatThrownBy(TenantContext::current).isInstanceOf(NoTenantException.class);
	}

	@Test
	void the_previous_tenant_is_restored_even_when_the_work_fails() {
		TenantContext.runAs(ACME, () -> {
			assertThatThrownBy(() -> TenantContext.runAs(GLOBEX, () -> {
				assertThat(TenantContext.current()).isEqualTo(GLOBEX);
				throw new IllegalStateException("boom");
			})).hasMessage("boom");
			assertThat(TenantContext.current()).isEqualTo(ACME);
		});
		assertThat(TenantContext.find()).isEmpty();
	}

	@Test
	void work_handed_to_another_thread_carries_the_tenant_explicitly() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<TenantId> plain = TenantContext.callAs(ACME,
					() -> executor.submit(() -> TenantContext.find().orElse(null)));
			assertThat(plain.get()).as("thread locals do not leak into other threads").isNull();
			Future<TenantId> propagated = TenantContext.callAs(ACME,
					() -> executor.submit(TenantContext.propagate(TenantContext::current)));
			assertThat(propagated.get()).isEqualTo(ACME);
			assertThat(executor.submit(() -> TenantContext.find().orElse(null)).get())
				.as("the worker thread is clean afterwards")
				.isNull();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void handing_off_work_without_a_tenant_is_refused() {
		assertThatThrownBy(() -> TenantContext.propagate(() -> {
		})).isInstanceOf(NoTenantException.class);
	}

	@Test
	void tenant_ids_are_slugs_or_the_platform_partition() {
		assertThat(TenantId.PLATFORM.isPlatform()).isTrue();
		assertThatThrownBy(() -> TenantId.of("Acme")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TenantId.of("acme'; drop table tenant; --"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TenantId.of("_other")).isInstanceOf(IllegalArgumentException.class);
	}

}
