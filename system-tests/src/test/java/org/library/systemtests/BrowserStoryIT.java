package org.library.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.localstack.LocalStack;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.systemtests.Stack.deleteRecursively;
import static org.library.systemtests.WorkingCopy.ROOT;
import static org.library.testsupport.FreePorts.freePort;

/**
 * The library's story through the web app, in real Chromium (headless), on the built
 * stack: the librarian adds a book and copies and lends one to grace; ada borrows the
 * last copy, puts it on her list and starts reading; alan places a hold; ada returns the
 * book, alan sees it set aside for him and borrows it; the librarian sees who has the
 * copies, takes grace's back and renames the book, and ada sees the new title; the
 * auditor reads the book's whole story. Every step signs in at the issuer's own page and
 * uses only what a person can click or type. On a failure every step's screenshot is kept
 * in {@code target/browser-story/} (always, with
 * {@code -DbrowserStory.keepScreenshots=true}: the README's pictures).
 *
 * <p>
 * It needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run}
 * installs them); without them it says so in one line and does not run.
 */
class BrowserStoryIT {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	private final Path jar = ROOT.resolve(LocalStack.JAR);

	private final Path data = Path.of(System.getProperty("browserStoryData", "target/browser-data"));

	private final Path screenshots = Path.of("target/browser-story").toAbsolutePath();

	private final List<byte[]> shots = new ArrayList<>();

	private final List<String> steps = new ArrayList<>();

	private Stack stack;

	private WebDriver browser;

	private WebDriverWait wait;

	private String web;

	@BeforeEach
	void startTheStackAndABrowser() throws Exception {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String why = "Browser tests not run: no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
					+ " (install Debian's chromium and chromium-driver, as .ci/run does)";
			System.out.println(why);
			Assumptions.abort(why);
		}
		deleteRecursively(data);
		int webPort = freePort();
		web = "http://localhost:" + webPort;
		stack = Stack.start(jar,
				List.of("--postgres-port=" + freePort(), "--kafka-port=" + freePort(),
						"--book-catalog-port=" + freePort(), "--book-inventory-port=" + freePort(),
						"--reading-list-port=" + freePort(), "--audit-port=" + freePort(),
						"--identity-port=" + freePort(), "--web-port=" + webPort, "--data-dir=" + data),
				data.resolveSibling("browser-stack.log"));
		stack.awaitOutput("The library is up.");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
		browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void stopEverything() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (stack != null) {
			stack.stop();
		}
	}

	@Test
	void librarianReaderAndAuditorLiveABooksStoryThroughTheWebApp() throws Exception {
		Properties passwords = new Properties();
		try (var reader = Files.newBufferedReader(data.resolve("identity").resolve("accounts.properties"))) {
			passwords.load(reader);
		}
		try {
			// a phone's width: the pages fold down, nothing runs off the side
			browser.manage().window().setSize(new Dimension(375, 800));
			browser.get(web + "/");
			waitFor(By.cssSelector("h1"), "Catalog");
			assertThat((Boolean) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling")
				.isTrue();
			step("the catalog on a phone");
			browser.manage().window().setSize(new Dimension(1280, 1000));
			browser.get(web + "/");
			waitFor(By.cssSelector("h1"), "Catalog");
			// the keyboard's first stop is the skip link, which takes it to the page's
			// content
			browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
			assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
			step("the catalog, before anyone signs in");

			signIn("librarian", passwords);
			type(By.id("add-isbn"), "9780441478125");
			type(By.id("add-title"), "The Left Hand of Darkness");
			type(By.id("add-authors"), "Ursula K. Le Guin");
			click(By.xpath("//button[text()='Add book']"));
			waitFor(By.cssSelector("h1"), "The Left Hand of Darkness");
			String book = browser.getCurrentUrl().replaceAll(".*#/books/", "");
			step("the librarian added a book");
			waitFor(By.id("stock"), "0 on the shelf");
			WebElement copies = browser.findElement(By.id("copies-count"));
			copies.clear();
			copies.sendKeys("2");
			click(By.xpath("//button[text()='Add copies']"));
			waitFor(By.id("stock"), "2 on the shelf");
			// grace is a reader without an account here: a librarian lends to any
			// username
			type(By.id("lend-reader"), "grace");
			click(By.xpath("//button[text()='Lend a copy']"));
			waitFor(By.id("stock"), "1 on the shelf, 1 on loan");
			waitFor(By.id("loans"), "grace, due");
			step("the librarian added two copies and lent one to grace");
			signOut();

			signIn("ada", passwords);
			browser.get(web + "/#/books/" + book);
			waitFor(By.cssSelector("h1"), "The Left Hand of Darkness");
			waitFor(By.id("my-copy"), "A copy is on the shelf");
			click(By.xpath("//button[text()='Borrow']"));
			waitFor(By.id("my-copy"), "You have this book, due");
			waitFor(By.id("stock"), "0 on the shelf, 2 on loan");
			step("ada borrowed the last copy");
			// ada uses the keyboard: Tab to the button, Enter; Tab to the book's status,
			// a letter picks READING
			pressUntilFocused(By.xpath("//button[text()='Add to my reading list']")).sendKeys(Keys.ENTER);
			waitFor(By.cssSelector("form[aria-label='Reading list'] .problem"), "On your reading list");
			click(By.linkText("My reading list"));
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-book='" + book + "'] select")));
			pressUntilFocused(By.cssSelector("li[data-book='" + book + "'] select")).sendKeys("R");
			reloadUntil(driver -> driver.findElements(By.cssSelector("li[data-book='" + book + "'] select"))
				.stream()
				.anyMatch(select -> "READING".equals(select.getDomProperty("value"))));
			step("ada put the book on her list and is reading it");
			signOut();

			signIn("alan", passwords);
			browser.get(web + "/#/books/" + book);
			waitFor(By.id("my-copy"), "No copy is on the shelf");
			click(By.xpath("//button[text()='Place a hold']"));
			waitFor(By.id("my-copy"), "number 1 in the queue");
			step("alan placed a hold");
			signOut();

			signIn("ada", passwords);
			click(By.linkText("My loans"));
			click(By.xpath("//button[text()='Return The Left Hand of Darkness']"));
			waitFor(By.id("my-loans"), "You have nothing on loan");
			step("ada returned the book from her loans");
			signOut();

			signIn("alan", passwords);
			click(By.linkText("My loans"));
			waitFor(By.id("my-holds"), "Ready: a copy is set aside for you until");
			step("alan sees the copy set aside for him");
			click(By.cssSelector("#my-holds a"));
			waitFor(By.id("stock"), "1 set aside for holds");
			click(By.xpath("//button[text()='Borrow']"));
			waitFor(By.id("my-copy"), "You have this book, due");
			step("alan borrowed it");
			signOut();

			signIn("librarian", passwords);
			browser.get(web + "/#/books/" + book);
			waitFor(By.id("loans"), "alan, due");
			waitFor(By.id("queue"), "Nobody waits");
			assertThat(browser.findElement(By.id("loans")).getText()).contains("grace, due");
			step("the librarian sees who has each copy");
			click(By.xpath("//button[text()='Take back from grace']"));
			waitFor(By.id("stock"), "1 on the shelf, 1 on loan");
			step("the librarian took grace's copy back");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-title")));
			// meanwhile, in another tab, the book is changed first
			String first = browser.getWindowHandle();
			browser.switchTo().newWindow(WindowType.TAB);
			browser.get(web + "/#/books/" + book);
			rename("The Left Hand of Darkness (1969)");
			browser.close();
			browser.switchTo().window(first);
			rename("The Left Hand of Darkness (Ace)");
			waitFor(By.cssSelector("#main form[aria-labelledby='edit-heading'] .problem"),
					"Someone else changed this book");
			step("the librarian's change came second, and the page says so");
			click(By.xpath("//button[text()='Reload']"));
			waitFor(By.cssSelector("h1"), "The Left Hand of Darkness (1969)");
			rename("The Left Hand of Darkness (Ace)");
			step("the librarian renamed the book");
			signOut();

			signIn("ada", passwords);
			click(By.linkText("My reading list"));
			// the rename reaches the list's own copy of the catalog through Kafka
			reloadUntil(driver -> driver.findElements(By.cssSelector("li[data-book='" + book + "']"))
				.stream()
				.anyMatch(item -> item.getText().contains("The Left Hand of Darkness (Ace)")));
			assertThat(new Select(browser.findElement(By.cssSelector("li[data-book='" + book + "'] select")))
				.getFirstSelectedOption()
				.getText()).isEqualTo("READING");
			step("ada sees the new title on her list");
			signOut();

			signIn("auditor", passwords);
			browser.get(web + "/#/books/" + book);
			List<String> expected = List.of("BookAdded by librarian", "CopiesAdded by librarian",
					"LoanOpened by librarian", "LoanOpened by ada", "BookListed by ada", "ReadingStatusChanged by ada",
					"HoldPlaced by alan", "LoanReturned by ada", "HoldReady by ada", "LoanOpened by alan",
					"LoanReturned by librarian", "BookUpdated by librarian");
			// every service's events reach the one trail through Kafka
			reloadUntil(driver -> driver.findElements(By.cssSelector("ol.story li"))
				.stream()
				.map(item -> item.getText().lines().findFirst().orElse(""))
				.toList()
				.containsAll(expected));
			step("the auditor reads the book's whole story");
			click(By.linkText("Audit"));
			type(By.id("audit-entityId"), book);
			click(By.xpath("//button[text()='Filter']"));
			wait.until(driver -> driver.findElements(By.cssSelector("tbody tr")).size() >= expected.size());
			step("the auditor filters the trail by the book");
			if (Boolean.getBoolean("browserStory.keepScreenshots")) {
				keepScreenshots();
			}
		}
		catch (RuntimeException | AssertionError ex) {
			step("where it stopped");
			keepScreenshots();
			throw ex;
		}
	}

	/**
	 * Reloads the page until what it shows, once loaded, satisfies {@code condition}: for
	 * what arrives through Kafka.
	 */
	private void reloadUntil(Function<WebDriver, Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			try {
				new WebDriverWait(browser, Duration.ofSeconds(5)).until(condition);
				return;
			}
			catch (TimeoutException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				browser.navigate().refresh();
			}
		}
	}

	/**
	 * Changes the title in the open book's edit form, and waits until the page shows it
	 * saved.
	 */
	private void rename(String title) {
		WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-title")));
		field.clear();
		field.sendKeys(title);
		String before = browser.findElement(By.cssSelector("h1")).getText();
		click(By.xpath("//button[text()='Save changes']"));
		wait.until(driver -> !driver.findElement(By.cssSelector("h1")).getText().equals(before)
				|| !driver.findElement(By.cssSelector("form[aria-labelledby='edit-heading'] .problem"))
					.getText()
					.isEmpty());
	}

	/**
	 * Tabs on from where the focus is (a page puts it on its content when it opens), as a
	 * keyboard user would, until {@code target} has it; at most 60 stops.
	 */
	private WebElement pressUntilFocused(By target) {
		WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
		for (int stop = 0; stop < 60; stop++) {
			if (element.equals(browser.switchTo().activeElement())) {
				return element;
			}
			browser.switchTo().activeElement().sendKeys(Keys.TAB);
		}
		throw new AssertionError(target + " cannot be reached with the Tab key");
	}

	private void signIn(String account, Properties passwords) {
		browser.get(web + "/");
		click(By.id("sign-in"));
		// the issuer's own sign-in page
		WebElement username = wait.until(ExpectedConditions.elementToBeClickable(By.name("username")));
		username.sendKeys(account);
		browser.findElement(By.name("password")).sendKeys(passwords.getProperty(account));
		step(account + " signs in at the issuer");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.id("account"), "Signed in as " + account);
	}

	private void signOut() {
		browser.get(web + "/");
		click(By.xpath("//button[text()='Sign out']"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
	}

	private void type(By field, String text) {
		wait.until(ExpectedConditions.elementToBeClickable(field)).sendKeys(text);
	}

	private void click(By target) {
		wait.until(ExpectedConditions.elementToBeClickable(target)).click();
	}

	private void waitFor(By target, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(target, text));
	}

	private void step(String name) {
		steps.add(name);
		shots.add(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	private void keepScreenshots() throws IOException {
		Files.createDirectories(screenshots);
		for (int i = 0; i < shots.size(); i++) {
			Files.write(
					screenshots.resolve("%02d-%s.png".formatted(i + 1, steps.get(i).replaceAll("[^A-Za-z0-9]+", "-"))),
					shots.get(i));
		}
		System.out.println("Screenshots of every step: " + screenshots);
	}

}
