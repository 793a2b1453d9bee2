package org.consilium.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Real HTTP to the running application on any site host. The JVM cannot resolve
 * {@code *.localhost}, so the application's own port acts as the "proxy": the request
 * carries the site's host exactly as a browser would send it, and cookies stay per host
 * as in a browser.
 */
public final class SiteHttpClient {

	private final HttpClient client;

	public SiteHttpClient(int port) {
		this.client = HttpClient.newBuilder()
			.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", port)))
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	public HttpResponse<String> get(String url, String acceptLanguage) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", acceptLanguage).GET().build());
	}

	/** A download, as bytes. */
	public HttpResponse<byte[]> getBytes(String url) {
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A POST of the body as is (e.g. a signed webhook), with the given headers. */
	public HttpResponse<String> post(String url, String contentType, String body,
			java.util.Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Signs in with the demo form login of the site the URL names. */
	public HttpResponse<String> signIn(String siteUrl, String username, String password) {
		get(siteUrl + "login");
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(siteUrl + "login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
