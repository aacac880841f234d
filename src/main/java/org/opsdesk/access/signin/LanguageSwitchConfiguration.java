package org.opsdesk.access.signin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code ?lang=} on console pages; the API has no language to switch. */
@Configuration(proxyBeanMethods = false)
class LanguageSwitchConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).excludePathPatterns("/api/**", "/actuator/**");
    }
}
