package org.dealreg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The partner deal-registration portal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DealregApplication {

    public static void main(String[] args) {
        SpringApplication.run(DealregApplication.class, args);
    }
}
