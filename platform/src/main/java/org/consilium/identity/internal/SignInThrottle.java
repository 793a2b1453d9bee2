package org.consilium.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per client address (20 a minute on each node), against password
 * spraying across many accounts; per-account lockout covers guessing at one account.
 */
@Component
class SignInThrottle extends OncePerRequestFilter {

	static final int MAX_ATTEMPTS = 20;

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!allow(request.getRemoteAddr())) {
			response.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
			response.sendRedirect("login?throttled");
			return;
		}
		chain.doFilter(request, response);
	}

	boolean allow(String client) {
		Instant now = this.clock.instant();
		Deque<Instant> recent = this.attempts.computeIfAbsent(client, (key) -> new ArrayDeque<>());
		synchronized (recent) {
			while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
				recent.pollFirst();
			}
			if (recent.size() >= MAX_ATTEMPTS) {
				return false;
			}
			recent.addLast(now);
		}
		if (this.attempts.size() > 10_000) {
			this.attempts.entrySet().removeIf((entry) -> entry.getValue().isEmpty());
		}
		return true;
	}

}
