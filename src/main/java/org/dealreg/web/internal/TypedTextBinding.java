package org.dealreg.web.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * The edge where every request value enters the portal (docs/input.md): form fields bound to records, request
 * parameters and path variables all pass {@link org.dealreg.shared.TypedText} before any module sees them, and each
 * refusal becomes a message on its field. It replaces Spring Boot's binding initializer with the same validator and
 * conversion service, the latter wrapped in {@link TypedTextConversionService} for binding only, so that pages still
 * render with the plain service.
 */
@Configuration(proxyBeanMethods = false)
class TypedTextBinding {

    @Bean
    ConfigurableWebBindingInitializer typedTextBindingInitializer(
            @Qualifier("mvcConversionService") FormattingConversionService conversions,
            @Qualifier("mvcValidator") Validator validator) {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new TypedTextConversionService(conversions));
        initializer.setValidator(validator);
        initializer.setBindingErrorProcessor(new TypedTextBindingErrors());
        return initializer;
    }
}
