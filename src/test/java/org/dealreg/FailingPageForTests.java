package org.dealreg;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that fails the way a defect would, for the tests of the 500 page and of the log. It exists in the tests'
 * application only, and only for a signed-in user.
 */
@Controller
public class FailingPageForTests {

    public static final String PATH = "/test-only/failure";
    public static final String MESSAGE = "A defect for the tests: secret detail 4242";

    public static final String HALF_WAY = "/test-only/failure-half-way";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException(MESSAGE);
    }

    /** Fails after a first part of the page went out (more than the response buffer holds). */
    @GetMapping(HALF_WAY)
    void failHalfWay(HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<p>a first part of a long list</p>\n".repeat(4096));
        response.getWriter().flush();
        throw new IllegalStateException(MESSAGE);
    }
}
