package org.opsdesk.access.signin;

import java.time.Clock;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.OperatorStore;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code ?lang=} on console pages; the API has no language to switch. */
@Configuration(proxyBeanMethods = false)
class LanguageSwitchConfiguration implements WebMvcConfigurer {

    private final OperatorStore operators;
    private final SecurityLog securityLog;
    private final Clock clock;

    LanguageSwitchConfiguration(OperatorStore operators, SecurityLog securityLog, Clock clock) {
        this.operators = operators;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(operators, securityLog, clock))
                .excludePathPatterns("/api/**", "/actuator/**");
    }
}
