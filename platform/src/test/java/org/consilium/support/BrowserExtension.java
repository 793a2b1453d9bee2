package org.consilium.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each {@link Browser} parameter of a test method a fresh browser, screenshots
 * every one of them when the test fails ({@code target/screenshots/failed-...png}, taken
 * before anything is closed) and quits them after the test.
 */
public class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		String language = parameter.findAnnotation(BrowserLanguage.class).map(BrowserLanguage::value).orElse("en");
		Browser browser = Browser.start(language);
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		store.put("browser-" + parameter.getIndex(), (ExtensionContext.Store.CloseableResource) browser::close);
		browsers(context).add(browser);
		return browser;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		List<Browser> browsers = browsers(context);
		for (int i = 0; i < browsers.size(); i++) {
			try {
				browsers.get(i)
					.screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
							+ context.getRequiredTestMethod().getName() + "-" + i);
			}
			catch (RuntimeException ex) {
				context.getExecutionException().get().addSuppressed(ex);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Browser> browsers(ExtensionContext context) {
		return context.getStore(NAMESPACE)
			.getOrComputeIfAbsent("browsers", (key) -> new ArrayList<Browser>(), List.class);
	}

}
