package org.consilium.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets a test make the platform die right after an e-mail was handed to the SMTP server
 * and before the outbox recorded it: the e-mail transport delivers, then throws, once per
 * armed crash. Idle unless a test arms it.
 */
public class TransportFaults implements BeanPostProcessor {

	private static final AtomicInteger CRASHES_AFTER_SEND = new AtomicInteger();

	public static void crashAfterNextSend() {
		CRASHES_AFTER_SEND.incrementAndGet();
	}

	public static void reset() {
		CRASHES_AFTER_SEND.set(0);
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
			Object result = invocation.proceed();
			if ("send".equals(invocation.getMethod().getName())
					&& CRASHES_AFTER_SEND.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("Simulated crash after the SMTP hand-over");
			}
			return result;
		});
		// The transport interface is package-private: the proxy must live in its class
		// loader.
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

}
