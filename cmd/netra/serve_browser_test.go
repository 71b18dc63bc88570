package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra/review/config"
)

// demoScreenshots is the one screenshot folder the README points at; the
// review package's browser tests write there too.
const demoScreenshots = "../../review/testdata/screenshots"

// TestServeDemoInBrowser is the first-run experience: `netra serve --demo`,
// log in with the printed password, see flagged items and open the top one
// with its evidence highlighted.
func TestServeDemoInBrowser(t *testing.T) {
	chromium := os.Getenv("NETRA_CHROMIUM")
	if chromium == "" {
		chromium, _ = exec.LookPath("chromium")
	}
	if chromium == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found: CI must run the browser tests")
		}
		t.Skip("chromium not found; set NETRA_CHROMIUM or run scripts/test.sh")
	}
	start := time.Now()
	base, out := startServe(t, config.Defaults(), true)
	pw := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out.String())[1]

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium),
		chromedp.WindowSize(1366, 900), chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	if err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("user")),
		chromedp.SendKeys(chromedp.ID("user"), "admin"),
		chromedp.SendKeys(chromedp.ID("password"), pw),
		chromedp.Click(chromedp.ID("login-submit")),
		chromedp.WaitVisible(chromedp.ID("queue")),
		chromedp.Navigate(base+"/?sort=score"),
		chromedp.WaitVisible(chromedp.ID("queue")),
	); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("#queue tr.row").length`))
	if err != nil || rows == 0 {
		t.Fatalf("demo queue shows %d rows: %v", rows, err)
	}
	// The demo's copies of one post show as one row of several copies.
	copies, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#queue .story .story-size")].map(a => a.textContent)`))
	if err != nil || len(copies) == 0 {
		t.Errorf("demo queue shows no story of several copies (%v)", err)
	}
	save := func(name string) {
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(demoScreenshots, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(demoScreenshots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save("demo-queue.png")
	if err := chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS("a.item-link")),
		chromedp.WaitVisible(chromedp.ID("hits")),
	); err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("mark.hit")].map(m => m.textContent)`))
	if err != nil || len(marks) == 0 || strings.TrimSpace(strings.Join(marks, "")) == "" {
		t.Fatalf("top demo item has no highlighted evidence: %v %v", marks, err)
	}
	save("demo-item.png")
	t.Logf("from start to highlighted evidence in the browser: %v", time.Since(start).Round(time.Millisecond))
}
