package org.opsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Opsdesk: one back office for every operation an operator oversees, each with one unified status. */
@SpringBootApplication
@EnableScheduling
public class OpsdeskApplication {
    public static void main(String[] args) {
        SpringApplication.run(OpsdeskApplication.class, args);
    }
}
