package org.opsdesk.platform.web;

import org.opsdesk.shared.AddressRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link AddressRateLimiter} of the endpoints anyone may call (the public rate files, the rates widget),
 * whose filter chains put it first: {@code opsdesk.public.rate-limit.per-second} requests a second per client
 * address on average, bursts of {@code burst}, buckets for at most {@code max-addresses} addresses at once.
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimitConfiguration {

    @Bean
    AddressRateLimiter publicRateLimiter(
            @Value("${opsdesk.public.rate-limit.per-second:5}") long perSecond,
            @Value("${opsdesk.public.rate-limit.burst:30}") long burst,
            @Value("${opsdesk.public.rate-limit.max-addresses:100000}") int maxAddresses) {
        return new AddressRateLimiter(perSecond, burst, maxAddresses);
    }
}
