package org.consilium.identity.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.identity.Roles;
import org.consilium.tenant.Tenants;

/**
 * "About you": the patient's demographics. Patients who arrived through their company's
 * sign-in (or whose profile is incomplete) are brought here before anything else; what
 * the company gave is filled in.
 */
@Route(value = "profile", autoLayout = false)
@RolesAllowed(Roles.PATIENT)
public class ProfileView extends AuthPage implements HasDynamicTitle, BeforeEnterObserver {

	/**
	 * Where a page that needs the profile sent the patient from: only this site's own
	 * pages.
	 */
	private static final java.util.regex.Pattern CONTINUE = java.util.regex.Pattern
		.compile("[a-z]+(/[A-Za-z0-9-]+){0,3}");

	private String continueTo = "cases";

	ProfileView(Tenants tenants, PatientProfiles profiles) {
		super(tenants);
		ConsiliumUser user = CurrentUser.require();
		DemographicsForm form = new DemographicsForm(tenants.current().config());
		profiles.find(user.id()).ifPresentOrElse(form::set, () -> form.setLegalName(user.displayName()));
		Button save = new Button(getTranslation("profile.save"), (event) -> {
			Map<String, List<String>> problems = profiles.saveOwn(form.value());
			form.show(problems);
			if (problems.isEmpty()) {
				Notification.show(getTranslation("profile.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				getUI().ifPresent((ui) -> ui.navigate(this.continueTo));
			}
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		save.setId("save-profile");
		this.card.setWidth("min(44rem, 94vw)");
		this.card.add(new H2(getTranslation("profile.title")), message("profile.intro"), form, save);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		event.getLocation()
			.getQueryParameters()
			.getSingleParameter("continue")
			.filter((path) -> CONTINUE.matcher(path).matches())
			.ifPresent((path) -> this.continueTo = path);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("profile.title");
	}

}
