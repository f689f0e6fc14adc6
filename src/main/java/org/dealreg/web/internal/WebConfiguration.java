package org.dealreg.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and French. The language is the one chosen with {@code ?lang=} (kept in a cookie), else the
 * browser's if it is French, else English.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("dealreg-lang") {
            @Override
            public void setLocaleContext(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response, org.springframework.context.i18n.LocaleContext context) {
                Locale chosen = context == null ? null : context.getLocale();
                super.setLocaleContext(request, response,
                        chosen == null ? null : new org.springframework.context.i18n.SimpleLocaleContext(supported(chosen)));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Locale browser = request.getLocale();
            return supported(browser);
        });
        return resolver;
    }

    /** French for any French locale, English for everything else. */
    static Locale supported(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        // The error page reads no parameter: the one that failed may be a body Tomcat cannot decode.
        registry.addInterceptor(interceptor).excludePathPatterns("/error");
    }
}
