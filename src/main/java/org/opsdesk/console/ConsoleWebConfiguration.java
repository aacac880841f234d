package org.opsdesk.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the console frame on pages; the API under /api is left alone. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    private final ConsoleNavigation navigation;

    ConsoleWebConfiguration(ConsoleNavigation navigation) {
        this.navigation = navigation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleFrameInterceptor(navigation)).excludePathPatterns("/api/**", "/actuator/**");
    }
}
