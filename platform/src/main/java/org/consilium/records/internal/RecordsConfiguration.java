package org.consilium.records.internal;

import java.time.Clock;

import org.consilium.records.RecordStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The record store, the keys and the archive limits, from {@link RecordsProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordsProperties.class)
class RecordsConfiguration {

	@Bean
	RecordStore recordStore(RecordsProperties properties) {
		return new LocalDirectoryRecordStore(properties.directory());
	}

	@Bean
	TenantDataKeys tenantDataKeys(RecordsProperties properties,
			@Value("${consilium.crypto.secret-key:}") String installationSecret, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new TenantDataKeys(MasterKey.fromConfiguration(properties.masterKey(), installationSecret), jdbc,
				transactionManager, clock);
	}

	@Bean
	ZipInspector zipInspector(RecordsProperties properties) {
		return new ZipInspector(properties.zipMaxEntries(), properties.zipMaxUnpacked().toBytes(),
				properties.zipMaxRatio());
	}

}
