package org.consilium;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Consilium: one installation of the second-opinion platform, serving every tenant.
 */
@SpringBootApplication
public class ConsiliumApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsiliumApplication.class, args);
	}

}
