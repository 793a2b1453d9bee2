package org.consilium.review.internal;

import java.io.ByteArrayInputStream;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.review.SpecialistWork;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.Site;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An approver sees a case only while its approval is assigned to them — not in their
 * worklist, not by its page's service, not by a record's download link, not by SQL in
 * their own transaction — and loses it the moment they have approved. The approver who
 * holds the approval is the positive control.
 */
@IntegrationTest
class ApproverIsolationIT {

	static final TenantId PUBLIC = TenantId.of("public");

	@Autowired
	ApplicationContext context;

	@Autowired
	Approvals approvals;

	@Autowired
	SpecialistWork work;

	@Autowired
	Records records;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	ReviewFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void retire() {
		this.fixture.retireSpecialists();
		this.fixture.disableApprovers();
	}

	@Test
	void an_approver_reaches_only_the_case_whose_approval_they_hold_and_only_until_they_approve() {
		ConsiliumUser holder = this.fixture.approverAccount("Dr. Holder " + System.nanoTime());
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Iso Author", "cardiology", "general");
		CaseDetails details = this.fixture.readyCase(PUBLIC, "cardiology", true);
		CaseKey key = ReviewFixture.key(PUBLIC, details);
		RecordSummary record = TenantContext.callAs(PUBLIC,
				() -> Users.as(ReviewFixture.TRIAGE,
						() -> this.records.upload(details.id(),
								new NewRecord(RecordKind.MEDICAL_RECORD, "en", "echo.pdf"),
								new ByteArrayInputStream(TestFiles.pdf(1)))));
		String url = "/work/" + key.path() + "/records/" + record.id() + "/content";

		// Before the opinion is submitted, no approver reaches the case.
		assertThat(canRead(holder, key, url)).isFalse();

		this.fixture.inReview(PUBLIC, details.id(), author);
		this.fixture.submit(PUBLIC, details.id(), author, "Stable angina.");
		ConsiliumUser approver = this.fixture.holder(details.id(), Assignment.Task.APPROVAL).orElseThrow();
		ConsiliumUser bystander = approver.id().equals(holder.id())
				? this.fixture.demoUser(TenantId.PLATFORM, Role.APPROVER) : holder;

		assertThat(canRead(approver, key, url)).as("the approver holding the approval").isTrue();
		assertThat(canRead(bystander, key, url)).as("another approver").isFalse();

		Users.as(approver, () -> {
			this.approvals.approve(key, null);
			return null;
		});
		assertThat(canRead(approver, key, url)).as("the approver after approving").isFalse();
	}

	/**
	 * Every way in: the worklist, the approval page's service, the record link, and SQL
	 * in the approver's own transaction. All agree, or the test fails.
	 */
	private boolean canRead(ConsiliumUser approver, CaseKey key, String url) {
		boolean listed = Users.as(approver, () -> this.work.worklist())
			.stream()
			.anyMatch((item) -> item.key().equals(key));
		boolean file;
		try {
			Users.as(approver, () -> this.approvals.file(key));
			file = true;
		}
		catch (CaseNotFoundException ex) {
			file = false;
		}
		int status = download(approver, url);
		long rows = TenantContext.callAs(PUBLIC,
				() -> Users.as(approver,
						() -> new TransactionTemplate(this.transactionManager).execute((tx) -> this.jdbc.queryForObject(
								"select count(*) from medical_case where tenant_id = 'public' and reference = ?",
								Long.class, key.reference().value()))));
		assertThat(java.util.List.of(listed, file, status == 200, rows == 1)).as("list, page, download, SQL agree")
			.containsOnly(listed);
		if (!listed) {
			assertThat(status).isEqualTo(404);
		}
		return listed;
	}

	private int download(ConsiliumUser user, String url) {
		MockMvc mvc = MockMvcBuilders
			.webAppContextSetup((org.springframework.web.context.WebApplicationContext) this.context)
			.build();
		return Users.as(user, () -> {
			try {
				return mvc.perform(get(url).requestAttr(Site.class.getName(), new Site.OperatorSite()))
					.andReturn()
					.getResponse()
					.getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
