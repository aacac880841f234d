package org.opsdesk.shared;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.constraints.br.CNPJ;
import org.hibernate.validator.constraints.br.CPF;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The check digits of CPF and CNPJ, judged by Hibernate Validator's {@code @CPF} and {@code @CNPJ} constraints (on the
 * classpath through Spring's validation starter) rather than by a modulo-11 of our own — which also keeps up with the
 * alphanumeric CNPJ the Receita Federal issues from July 2026. One validator for the process, built without the
 * expression-language message interpolation these checks do not need.
 */
final class BrazilianDocuments {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private BrazilianDocuments() {}

    /** The value a CPF constraint judges: eleven digits. */
    private record CpfValue(@CPF String digits) {}

    /** The value a CNPJ constraint judges: twelve letters or digits and two check digits. */
    private record CnpjValue(@CNPJ(format = CNPJ.Format.ALPHANUMERIC) String characters) {}

    static boolean cpfChecks(String digits) {
        return VALIDATOR.validate(new CpfValue(digits)).isEmpty();
    }

    static boolean cnpjChecks(String characters) {
        return VALIDATOR.validate(new CnpjValue(characters)).isEmpty();
    }
}
