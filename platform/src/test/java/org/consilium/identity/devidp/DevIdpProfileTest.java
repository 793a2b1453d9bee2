package org.consilium.identity.devidp;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development identity provider exists in the {@code dev} profile only: every bean of
 * its package says so, so a production start has no such pages, keys or metadata.
 */
class DevIdpProfileTest {

	@Test
	void every_bean_of_the_development_identity_provider_is_dev_only() throws Exception {
		// Scanned as the dev profile sees them, else @Profile hides them from the scan.
		StandardEnvironment dev = new StandardEnvironment();
		dev.setActiveProfiles("dev");
		var scanner = new ClassPathScanningCandidateComponentProvider(false, dev);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<Class<?>> beans = new java.util.ArrayList<>();
		for (var candidate : scanner.findCandidateComponents(DevIdpProfileTest.class.getPackageName())) {
			beans.add(ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader()));
		}
		assertThat(beans).extracting(Class::getSimpleName)
			.contains("DevIdentityProvider", "DevIdpController", "DevIdpKeys", "DevIdpSecurity");
		assertThat(beans).allSatisfy((bean) -> assertThat(bean.getAnnotation(Profile.class)).as(bean.getSimpleName())
			.isNotNull()
			.satisfies((profile) -> assertThat(profile.value()).containsExactly("dev")));
	}

}
