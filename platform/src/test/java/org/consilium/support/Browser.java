package org.consilium.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, with a fresh profile.
 * Both paths are given explicitly so Selenium Manager never downloads a browser or a
 * driver; a machine without them fails the test with a clear message (CI installs them,
 * see .ci/run) rather than skipping it. {@code CONSILIUM_CHROMIUM} and
 * {@code CONSILIUM_CHROMEDRIVER} point elsewhere if they live somewhere else.
 */
public final class Browser implements AutoCloseable {

	/** How long to wait for a page, a server round trip or an element. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CONSILIUM_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("CONSILIUM_CHROMEDRIVER", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

	/**
	 * True once the page has loaded and, on a Vaadin page, every Flow client is idle; a
	 * plain page (no Vaadin outlet) is ready when loaded.
	 */
	private static final String SETTLED = """
			if (document.readyState !== 'complete') return false;
			if (!document.getElementById('outlet')) return true;
			const flow = window.Vaadin && window.Vaadin.Flow;
			if (!flow || !flow.clients) return false;
			const clients = Object.values(flow.clients).filter((c) => c && typeof c.isActive === 'function');
			return clients.length > 0 && clients.every((c) => !c.isActive());
			""";

	private final ChromeDriver driver;

	private final Path profile;

	private final WebDriverWait wait;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, TIMEOUT);
	}

	/**
	 * Starts a browser whose preferred language (Accept-Language and
	 * {@code navigator.language}) is the given one, e.g. {@code "en"} or {@code "es"}.
	 */
	public static Browser start(String language) {
		requireExecutable(CHROMIUM, "CONSILIUM_CHROMIUM");
		requireExecutable(CHROMEDRIVER, "CONSILIUM_CHROMEDRIVER");
		Path profile;
		try {
			profile = Files.createTempDirectory("consilium-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1280,1000", "--lang=" + language, "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		try {
			return new Browser(new ChromeDriver(service, options), profile);
		}
		catch (RuntimeException ex) {
			service.stop();
			FileSystemUtils.deleteRecursively(profile.toFile());
			throw ex;
		}
	}

	private static void requireExecutable(Path path, String variable) {
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("Browser tests need " + path + ", which is missing: install Debian's"
					+ " Chromium and its driver ('apt-get install -y chromium chromium-driver', as .ci/run does) or set "
					+ variable + " to where it is. Browser tests never download a browser or a driver.");
		}
	}

	/**
	 * Loads a URL and waits until the page (and Vaadin, if it is a Vaadin page) settles.
	 */
	public Browser open(String url) {
		this.driver.get(url);
		return settle();
	}

	/** Waits until no Vaadin server round trip is in flight. */
	public Browser settle() {
		this.wait.until((driver) -> Boolean.TRUE.equals(script(SETTLED)));
		return this;
	}

	/** The first visible element matching a CSS selector, waiting for it to appear. */
	public WebElement find(String css) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** All elements matching a CSS selector, waiting until there is at least one. */
	public List<WebElement> findAll(String css) {
		return this.wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(css)));
	}

	/** The visible text of the first element matching a CSS selector. */
	public String text(String css) {
		return find(css).getText();
	}

	/** A computed style of the first matching element, as CSS serialises it. */
	public String computedStyle(String css, String property) {
		return (String) script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", find(css),
				property);
	}

	/** Waits for the document title to become the expected one, and returns it. */
	public String title(String expected) {
		try {
			this.wait.until(ExpectedConditions.titleIs(expected));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// Let the assertion that follows report the title that was there.
		}
		return this.driver.getTitle();
	}

	/** Waits until the URL matches a regular expression, and returns it. */
	public String urlMatching(String regex) {
		try {
			this.wait.until(ExpectedConditions.urlMatches(regex));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// Let the assertion that follows report the URL that was there.
		}
		return this.driver.getCurrentUrl();
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Path taken = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String pageSource() {
		return this.driver.getPageSource();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
