package org.dealreg.web.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.BindParamNameResolver;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * The edge where every request value enters the portal (docs/input.md): form fields bound to records, request
 * parameters and path variables all pass {@link org.dealreg.shared.TypedText} before any module sees them, and each
 * refusal becomes a message on its field. It replaces Spring Boot's binding initializer with the same validator and
 * conversion service, the latter wrapped in {@link TypedTextConversionService} for binding only, so that pages still
 * render with the plain service.
 *
 * <p>A form record's field names are worked out once per record ({@link FieldNames}): Spring's resolver reads each
 * constructor parameter's annotations again for every request, which the JDK parses anew each time (a tenth of a
 * submission's binding).
 */
@Configuration(proxyBeanMethods = false)
class TypedTextBinding {

    @Bean
    ConfigurableWebBindingInitializer typedTextBindingInitializer(
            @Qualifier("mvcConversionService") FormattingConversionService conversions,
            @Qualifier("mvcValidator") Validator validator) {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer() {
            @Override
            public void initBinder(WebDataBinder binder) {
                super.initBinder(binder);
                binder.setNameResolver(FieldNames.INSTANCE);
            }
        };
        initializer.setConversionService(new TypedTextConversionService(conversions));
        initializer.setValidator(validator);
        initializer.setBindingErrorProcessor(new TypedTextBindingErrors());
        return initializer;
    }

    /** Spring's {@link BindParamNameResolver} (a parameter's {@code @BindParam}, else its name), remembered. */
    static final class FieldNames implements DataBinder.NameResolver {

        static final FieldNames INSTANCE = new FieldNames();

        FieldNames() {
        }

        private final BindParamNameResolver resolver = new BindParamNameResolver();
        /** Empty: no {@code @BindParam}, the binder then takes the parameter's own name. */
        private final Map<MethodParameter, Optional<String>> names = new ConcurrentHashMap<>();

        @Override
        public String resolveName(MethodParameter parameter) {
            return names.computeIfAbsent(parameter, p -> Optional.ofNullable(resolver.resolveName(p))).orElse(null);
        }

        /** How many parameters are remembered. */
        int remembered() {
            return names.size();
        }
    }
}
