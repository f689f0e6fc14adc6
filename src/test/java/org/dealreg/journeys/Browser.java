package org.dealreg.journeys;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.junit.jupiter.api.Assumptions;

/** Debian's headless Chromium driven by Selenium, with the flags this machine needs (see STACK.md). */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static WebDriver start() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            String missing = "The browser journeys need Debian's Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them)";
            // on a developer's machine with only a JDK they are skipped, saying so; under CI they must run
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + ". CI=true: a journey may not be skipped.");
            }
            Assumptions.abort(missing + ". Skipped.");
        }
        Path builds = Path.of(System.getProperty("project.build.directory", "target"));
        Files.createDirectories(builds);
        Path profile = Files.createTempDirectory(builds, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "screenshots");
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ".png");
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
