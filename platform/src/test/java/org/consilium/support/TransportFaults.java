package org.consilium.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets a test make the platform die right after an e-mail was handed to the SMTP server
 * and before the outbox recorded it: the e-mail transport delivers, then throws, once per
 * armed crash. Or lets the mail server refuse every message to one address (as for a
 * mailbox that does not exist) until reset. Idle unless a test arms it.
 */
public class TransportFaults implements BeanPostProcessor {

	private static final AtomicInteger CRASHES_AFTER_SEND = new AtomicInteger();

	private static final java.util.concurrent.atomic.AtomicReference<String> CRASH_RECIPIENT = new java.util.concurrent.atomic.AtomicReference<>();

	private static final java.util.concurrent.atomic.AtomicReference<String> REFUSED_RECIPIENT = new java.util.concurrent.atomic.AtomicReference<>();

	/**
	 * Every message to this address is refused by the "server" (a mail exception, nothing
	 * delivered) until {@link #reset()}; others pass.
	 */
	public static void refuseSendsTo(String address) {
		REFUSED_RECIPIENT.set(address);
	}

	/** The next message to this address crashes after its hand-over (others pass). */
	public static void crashAfterNextSendTo(String address) {
		CRASH_RECIPIENT.set(address);
		CRASHES_AFTER_SEND.incrementAndGet();
	}

	public static void reset() {
		CRASHES_AFTER_SEND.set(0);
		CRASH_RECIPIENT.set(null);
		REFUSED_RECIPIENT.set(null);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!"mailTransport".equals(beanName)) {
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(false);
		proxy.setInterfaces(bean.getClass().getInterfaces());
		proxy.addAdvice((org.aopalliance.intercept.MethodInterceptor) (invocation) -> {
			if ("send".equals(invocation.getMethod().getName())
					&& recipient(invocation.getArguments()[0]).equals(REFUSED_RECIPIENT.get())) {
				throw new org.springframework.mail.MailSendException("Simulated refusal: 550 no such mailbox");
			}
			Object result = invocation.proceed();
			if ("send".equals(invocation.getMethod().getName())
					&& recipient(invocation.getArguments()[0]).equals(CRASH_RECIPIENT.get())
					&& CRASHES_AFTER_SEND.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("Simulated crash after the SMTP hand-over");
			}
			return result;
		});
		// The transport interface is package-private: the proxy must live in its class
		// loader.
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

	/**
	 * The recipient of a rendered mail (a package-private record of the notify module).
	 */
	private static String recipient(Object mail) {
		try {
			java.lang.reflect.Method to = mail.getClass().getDeclaredMethod("to");
			to.setAccessible(true);
			return String.valueOf(to.invoke(mail));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
