package org.consilium.specialists.internal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Development only: the operator's demo specialists (fictional people and institutions)
 * in the pools the demo tenants name. Inserted once; later edits in the database are
 * kept.
 */
@Component
@Profile("dev")
@Order(0)
class DemoSpecialists implements ApplicationRunner {

	private static final String GENERAL = "general";

	private static final String SPANISH = "spanish-speaking";

	private static final String ACME = "acme-panel";

	static final List<Demo> SPECIALISTS = List.of(
			demo("sp-amara-okafor", "Amara Okafor", "MD, PhD", "Northbridge Cancer Center", "oncology,hematology", "en",
					GENERAL, ACME),
			demo("sp-daniel-weiss", "Daniel Weiss", "MD", "Northbridge Cancer Center", "oncology", "en,de", GENERAL),
			demo("sp-lucia-mendez", "Lucía Méndez", "MD", "Hospital Universitario del Sur", "oncology", "es,en",
					GENERAL, SPANISH),
			demo("sp-hiroshi-tanaka", "Hiroshi Tanaka", "MD, FACC", "Lakeside Heart Institute", "cardiology", "en,ja",
					GENERAL, ACME),
			demo("sp-sarah-cohen", "Sarah Cohen", "MD, FACC", "Lakeside Heart Institute", "cardiology", "en", GENERAL),
			demo("sp-javier-ortega", "Javier Ortega", "MD", "Clínica Cardiológica Ortega", "cardiology", "es,en",
					GENERAL, SPANISH),
			demo("sp-emily-brooks", "Emily Brooks", "MD", "Riverside Neuroscience Institute", "neurology", "en",
					GENERAL, ACME),
			demo("sp-marcus-lindqvist", "Marcus Lindqvist", "MD, PhD", "Riverside Neuroscience Institute", "neurology",
					"en,sv", GENERAL),
			demo("sp-carmen-ruiz", "Carmen Ruiz", "MD", "Instituto Neurológico Ruiz", "neurology", "es,en", GENERAL,
					SPANISH),
			demo("sp-robert-chen", "Robert Chen", "MD, FAANS", "Riverside Neuroscience Institute", "neurosurgery", "en",
					GENERAL, ACME),
			demo("sp-fatima-haddad", "Fatima Haddad", "MD", "Meridian Spine Center", "neurosurgery,orthopedics",
					"en,ar,fr", GENERAL),
			demo("sp-peter-novak", "Peter Novak", "MD", "Meridian Spine Center", "orthopedics", "en", GENERAL, ACME),
			demo("sp-ana-costa", "Ana Costa", "MD", "Hospital Costa Lima", "orthopedics", "es,pt,en", GENERAL, SPANISH),
			demo("sp-william-grant", "William Grant", "MD", "Harbor Digestive Health", "gastroenterology", "en",
					GENERAL, ACME),
			demo("sp-priya-raman", "Priya Raman", "MD", "Harbor Digestive Health", "gastroenterology,hematology",
					"en,hi", GENERAL),
			demo("sp-miguel-santos", "Miguel Santos", "MD", "Centro Digestivo Santos", "gastroenterology", "es,en",
					GENERAL, SPANISH),
			demo("sp-grace-oduya", "Grace Oduya", "MD", "Summit Arthritis Clinic", "rheumatology", "en", GENERAL, ACME),
			demo("sp-thomas-meyer", "Thomas Meyer", "MD", "Summit Arthritis Clinic", "rheumatology", "en,de", GENERAL),
			demo("sp-isabel-navarro", "Isabel Navarro", "MD", "Hospital Universitario del Sur", "rheumatology", "es,en",
					GENERAL, SPANISH),
			demo("sp-olivia-hart", "Olivia Hart", "MD", "Northbridge Cancer Center", "hematology,oncology", "en",
					GENERAL),
			demo("sp-kwame-mensah", "Kwame Mensah", "MD", "Westfield Kidney Center", "nephrology", "en", GENERAL),
			demo("sp-laura-bianchi", "Laura Bianchi", "MD", "Westfield Endocrine Clinic", "endocrinology", "en,it",
					GENERAL),
			demo("sp-noah-fischer", "Noah Fischer", "MD", "Pinecrest Lung Institute", "pulmonology", "en,de", GENERAL,
					ACME),
			demo("sp-elena-petrova", "Elena Petrova", "MD", "Pinecrest Skin Clinic", "dermatology", "en,ru", GENERAL),
			demo("sp-samuel-adeyemi", "Samuel Adeyemi", "MD", "Children's Hospital of the Valley", "pediatrics", "en",
					GENERAL),
			demo("sp-rosa-delgado", "Rosa Delgado", "MD", "Hospital Infantil Delgado", "pediatrics", "es,en", GENERAL,
					SPANISH),
			demo("sp-henry-walsh", "Henry Walsh", "MD", "Lakeside Urology", "urology", "en", GENERAL),
			demo("sp-mei-lin", "Mei Lin", "MD, PhD", "Northbridge Pathology", "pathology,oncology", "en,zh", GENERAL,
					ACME),
			demo("sp-david-aronson", "David Aronson", "MD", "Lakeside Imaging", "radiology", "en,he", GENERAL, ACME),
			demo("sp-sofia-herrera", "Sofía Herrera", "MD", "Centro de Imagen Herrera", "radiology,neurology", "es,en",
					GENERAL, SPANISH));

	private static final java.util.Map<String, String[]> SUB_SPECIALTIES = java.util.Map.ofEntries(
			java.util.Map.entry("sp-amara-okafor", new String[] { "breast oncology" }),
			java.util.Map.entry("sp-daniel-weiss", new String[] { "thoracic oncology" }),
			java.util.Map.entry("sp-lucia-mendez", new String[] { "breast oncology", "gynecologic oncology" }),
			java.util.Map.entry("sp-hiroshi-tanaka", new String[] { "electrophysiology" }),
			java.util.Map.entry("sp-sarah-cohen", new String[] { "heart failure" }),
			java.util.Map.entry("sp-javier-ortega", new String[] { "interventional cardiology" }),
			java.util.Map.entry("sp-emily-brooks", new String[] { "epilepsy" }),
			java.util.Map.entry("sp-marcus-lindqvist", new String[] { "movement disorders" }),
			java.util.Map.entry("sp-robert-chen", new String[] { "spine surgery" }),
			java.util.Map.entry("sp-peter-novak", new String[] { "sports medicine" }),
			java.util.Map.entry("sp-mei-lin", new String[] { "hematopathology" }),
			java.util.Map.entry("sp-david-aronson", new String[] { "neuroradiology" }),
			java.util.Map.entry("sp-sofia-herrera", new String[] { "neuroradiology" }));

	private final JdbcTemplate jdbc;

	DemoSpecialists(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		pool(GENERAL, "General panel");
		pool(SPANISH, "Spanish-speaking panel");
		pool(ACME, "Acme Corporation panel");
		for (Demo demo : SPECIALISTS) {
			this.jdbc.update(
					"""
							insert into specialist (specialist_id, display_name, credentials, institution, specialties, languages)
							values (?, ?, ?, ?, ?, ?) on conflict (specialist_id) do nothing
							""",
					demo.id(), demo.name(), demo.credentials(), demo.institution(), demo.specialties(),
					demo.languages());
			this.jdbc.update("""
					update specialist set sub_specialties = ?, jurisdictions = ?, max_active_cases = ?
					where specialist_id = ? and jurisdictions = '{}'
					""", SUB_SPECIALTIES.getOrDefault(demo.id(), new String[0]), jurisdictions(demo),
					8 + (Math.abs(demo.id().hashCode()) % 5), demo.id());
			for (String pool : demo.pools()) {
				this.jdbc.update(
						"insert into specialist_pool_member (pool_id, specialist_id) values (?, ?) on conflict do nothing",
						pool, demo.id());
			}
		}
	}

	/** Spanish speakers are licensed in Spain and Mexico as well; everyone in the US. */
	private static String[] jurisdictions(Demo demo) {
		return java.util.Arrays.asList(demo.languages()).contains("es") ? new String[] { "US", "ES", "MX" }
				: new String[] { "US" };
	}

	private void pool(String id, String name) {
		this.jdbc.update("insert into specialist_pool (pool_id, display_name) values (?, ?) on conflict do nothing", id,
				name);
	}

	private static Demo demo(String id, String name, String credentials, String institution, String specialties,
			String languages, String... pools) {
		return new Demo(id, name, credentials, institution, specialties.split(","), languages.split(","), pools);
	}

	record Demo(String id, String name, String credentials, String institution, String[] specialties,
			String[] languages, String[] pools) {
	}

}
