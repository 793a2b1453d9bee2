package org.consilium.records.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the records module ({@code consilium.records.*}).
 *
 * @param directory where the local record store keeps its files
 * @param masterKey 32 random bytes, base64, wrapping each tenant's data key; when empty,
 * derived from the installation's secret key ({@code consilium.crypto.secret-key})
 * @param maxFileSize the largest single upload
 * @param caseQuota the most all records of one case may take together
 * @param zipMaxEntries the most entries an archive may have
 * @param zipMaxUnpacked the most an archive may unpack to, all entries together
 * @param zipMaxRatio the highest unpacked-to-packed ratio of an archive (zip bombs)
 */
@ConfigurationProperties("consilium.records")
record RecordsProperties(@DefaultValue("var/records") Path directory, @DefaultValue("") String masterKey,
		@DefaultValue("2GB") DataSize maxFileSize, @DefaultValue("10GB") DataSize caseQuota,
		@DefaultValue("5000") int zipMaxEntries, @DefaultValue("8GB") DataSize zipMaxUnpacked,
		@DefaultValue("100") int zipMaxRatio) {

}
