package org.consilium.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.support.RunningApplicationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: never run by {@code verify} (no {@code IT} suffix). Streams a
 * generated file (default 2 GiB) through the REST upload endpoint over real HTTP, once
 * alone and then five at once, and compares with {@code dd} writing the same size to the
 * same disk; samples the heap meanwhile. Run and read it as docs/benchmarks.md says:
 * {@code ./mvnw -B verify -pl platform -am -Dit.test=RecordUploadBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@RunningApplicationTest
@TestPropertySource(properties = { "consilium.records.max-file-size=4GB", "consilium.records.case-quota=200GB",
		"consilium.records.directory=${java.io.tmpdir}/consilium-bench-records/${random.uuid}" })
@Import(RecordUploadBenchmark.CsrfForBenchmark.class)
class RecordUploadBenchmark {

	static final long SIZE = Long.getLong("bench.records.size", 2L * 1024 * 1024 * 1024);

	static final int PARALLEL = Integer.getInteger("bench.records.parallel", 5);

	static final String BOUNDARY = "----consilium-benchmark";

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	RecordsProperties properties;

	@Test
	void stream_uploads_through_the_rest_api() throws Exception {
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "Upload size: %d bytes (%.2f GiB), JVM max heap %d MiB%n", SIZE,
				SIZE / (double) (1L << 30), Runtime.getRuntime().maxMemory() >> 20));
		Files.createDirectories(this.properties.directory());
		double ddSeconds = dd();
		report.append(String.format(Locale.ROOT, "dd (bs=1M, conv=fdatasync): %.1f s, %.0f MiB/s%n", ddSeconds,
				SIZE / ddSeconds / (1 << 20)));
		CaseSummary demoCase = TenantContext
			.callAs(TenantId.of("public"),
					() -> Users.as(Users.user("public", "bench-coordinator", Role.CASE_COORDINATOR),
							() -> this.cases.list()))
			.stream()
			.filter((c) -> c.patientName().equals("Pat Morgan") && c.status().isOpen())
			.findFirst()
			.orElseThrow();
		Session session = signIn();
		for (int round = 1; round <= 2; round++) {
			int clients = (round == 1) ? 1 : PARALLEL;
			HeapSampler heap = HeapSampler.start();
			long started = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				results.add(pool.submit(() -> upload(session, demoCase.reference().value())));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(201);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			pool.shutdown();
			HeapSampler.Result growth = heap.stop();
			report.append(String.format(Locale.ROOT,
					"%d upload(s) at once: %.1f s, %.0f MiB/s in total; heap growth: live (after GC) %d MiB, "
							+ "peak used %d MiB%n",
					clients, seconds, clients * SIZE / seconds / (1 << 20), growth.liveGrowth() >> 20,
					growth.usedGrowth() >> 20));
			deleteRecords();
		}
		System.out.println("\n== Record upload benchmark ==\n" + report);
		Path out = Path.of("target", "records-benchmark.txt");
		Files.writeString(out, report.toString());
	}

	private double dd() throws IOException, InterruptedException {
		Path target = this.properties.directory().resolve("dd.bin");
		long started = System.nanoTime();
		Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + target, "bs=1M", "count=" + (SIZE >> 20),
				"conv=fdatasync")
			.redirectErrorStream(true)
			.start();
		dd.getInputStream().readAllBytes();
		assertThat(dd.waitFor()).isZero();
		double seconds = (System.nanoTime() - started) / 1e9;
		Files.delete(target);
		return seconds;
	}

	private void deleteRecords() throws IOException {
		try (var files = Files.walk(this.properties.directory())) {
			files.filter(Files::isRegularFile).forEach((file) -> file.toFile().delete());
		}
	}

	private int upload(Session session, String reference) throws Exception {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nRADIOLOGY\r\n--"
				+ BOUNDARY + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		long length = head.length + SIZE + tail.length;
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "api/v1/cases/" + reference + "/records"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("X-CSRF-TOKEN", session.csrf())
			.POST(HttpRequest.BodyPublishers.fromPublisher(
					HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(head, SIZE, tail)), length))
			.build();
		HttpResponse<String> response = session.http().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			System.out.println(response.body());
		}
		return response.statusCode();
	}

	private Session signIn() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", this.port)))
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		http.send(HttpRequest.newBuilder(URI.create(url() + "login")).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(url() + "login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=patient%40public.example&password=consilium-demo"))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.statusCode()).isEqualTo(302);
		String csrf = http
			.send(HttpRequest.newBuilder(URI.create(url() + "api/v1/benchmark/csrf")).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return new Session(http, csrf);
	}

	private static String url() {
		return "http://public.localhost/";
	}

	record Session(HttpClient http, String csrf) {
	}

	/** The multipart body: head, a JPEG's magic number and zeros, tail; made as read. */
	static final class GeneratedBody extends InputStream {

		private final byte[] head;

		private final long size;

		private final byte[] tail;

		private final long total;

		private long position;

		GeneratedBody(byte[] head, long size, byte[] tail) {
			this.head = head;
			this.size = size;
			this.tail = tail;
			this.total = head.length + size + tail.length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			if (this.position >= this.total) {
				return -1;
			}
			int n = (int) Math.min(length, this.total - this.position);
			for (int i = 0; i < n;) {
				long p = this.position + i;
				if (p < this.head.length) {
					bytes[offset + i++] = this.head[(int) p];
				}
				else if (p < this.head.length + 3) {
					bytes[offset + i++] = (byte) ((p == this.head.length + 1) ? 0xD8 : 0xFF);
				}
				else if (p < this.head.length + this.size) {
					int run = (int) Math.min(n - i, this.head.length + this.size - p);
					Arrays.fill(bytes, offset + i, offset + i + run, (byte) 0);
					i += run;
				}
				else {
					bytes[offset + i++] = this.tail[(int) (p - this.head.length - this.size)];
				}
			}
			this.position += n;
			return n;
		}

	}

	/** Heap in use, sampled every 20 ms: raw, and after the latest collection (live). */
	static final class HeapSampler {

		private final Thread thread;

		private final long baselineUsed;

		private final long baselineLive;

		private final AtomicLong peakUsed = new AtomicLong();

		private final AtomicLong peakLive = new AtomicLong();

		private volatile boolean running = true;

		private HeapSampler() {
			System.gc();
			this.baselineUsed = used();
			this.baselineLive = live();
			this.thread = new Thread(() -> {
				while (this.running) {
					this.peakUsed.accumulateAndGet(used(), Math::max);
					this.peakLive.accumulateAndGet(live(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.thread.setDaemon(true);
			this.thread.start();
		}

		static HeapSampler start() {
			return new HeapSampler();
		}

		Result stop() throws InterruptedException {
			this.running = false;
			this.thread.join();
			return new Result(Math.max(0, this.peakLive.get() - this.baselineLive),
					Math.max(0, this.peakUsed.get() - this.baselineUsed));
		}

		private static long used() {
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		private static long live() {
			long live = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
					live += pool.getCollectionUsage().getUsed();
				}
			}
			return live;
		}

		record Result(long liveGrowth, long usedGrowth) {
		}

	}

	/** Only in the benchmark's context: hands a signed-in HTTP client its CSRF token. */
	@TestConfiguration
	static class CsrfForBenchmark {

		@RestController
		static class CsrfController {

			@GetMapping("/api/v1/benchmark/csrf")
			String csrf(HttpServletRequest request) {
				return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
			}

		}

	}

}
