package org.consilium.tenant.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.TenantSyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads tenant files before the web server accepts requests (an invalid file stops
 * start-up with its problems listed), then keeps the catalog current: changed files are
 * picked up when watching is on, and catalog changes made by other nodes are picked up
 * from the database.
 */
@Component
class TenantCatalogLifecycle implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TenantCatalogLifecycle.class);

	private final FileTenantConfigSync sync;

	private final TenantDirectory directory;

	private final TenantFiles files;

	private final TenancyProperties properties;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tenant-catalog");
		thread.setDaemon(true);
		return thread;
	});

	private volatile String filesStamp = "";

	TenantCatalogLifecycle(FileTenantConfigSync sync, TenantDirectory directory, TenantFiles files,
			TenancyProperties properties) {
		this.sync = sync;
		this.directory = directory;
		this.files = files;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		TenantSyncReport report = this.sync.syncFromFiles("startup");
		if (!report.applied()) {
			throw new InvalidTenantFilesException(report.problems());
		}
		this.filesStamp = filesStamp();
		log.info("Serving {} tenants: {}", this.directory.all().size(),
				this.directory.all().stream().map((tenant) -> tenant.id().value()).toList());
		schedule(this.properties.refreshInterval(), this::refreshFromDatabase);
		schedule(this.properties.watchInterval(), this::syncChangedFiles);
	}

	private void schedule(Duration interval, Runnable task) {
		if (interval != null && !interval.isZero() && !interval.isNegative()) {
			this.scheduler.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void refreshFromDatabase() {
		try {
			this.directory.refreshIfChanged();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the tenant catalog: {}", ex.getMessage());
		}
	}

	private void syncChangedFiles() {
		try {
			String stamp = filesStamp();
			if (stamp.equals(this.filesStamp)) {
				return;
			}
			this.filesStamp = stamp;
			TenantSyncReport report = this.sync.syncFromFiles("file-watch");
			if (!report.applied()) {
				log.error("Tenant files changed but are invalid; still serving the previous configuration:\n{}",
						String.join("\n", report.problems()));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check tenant files: {}", ex.getMessage());
		}
	}

	private String filesStamp() {
		Path directory = this.files.directory();
		try (Stream<Path> paths = Files.walk(directory)) {
			List<Path> all = paths.filter(Files::isRegularFile).sorted().toList();
			StringBuilder stamp = new StringBuilder();
			for (Path path : all) {
				stamp.append(path)
					.append(':')
					.append(Files.size(path))
					.append(':')
					.append(Files.getLastModifiedTime(path).toMillis())
					.append(';');
			}
			return stamp.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
