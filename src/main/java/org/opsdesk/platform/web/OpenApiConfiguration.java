package org.opsdesk.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The document integrators read at /v3/api-docs: every operation takes a bearer API key. */
    @Bean
    OpenAPI opsdeskOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Opsdesk API")
                        .version("v1")
                        .description("Operations with one unified status (PENDING, SUCCESS, ERROR, REJECTED), their "
                                + "stages, transitions and tamper-evident history. Errors are application/problem+json "
                                + "(RFC 9457). POSTs accept an Idempotency-Key header."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Authorization: Bearer <api key>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
