/** Help for `briefing build`. */
export const buildUsage = `Usage: briefing build <manuscript.md|folder|glob|->... [options]

Turn Markdown briefings into a self-contained HTML page and a print-ready PDF.
Folders are searched for *.md (sub-folders are mirrored under the output folder);
quote globs ("manuscripts/**/*.md") to let briefing expand them; - reads standard input.

Options:
  -o, --out-dir DIR       where outputs go (default: out)
  -p, --paper SIZE        a4 or letter (default: a4)
  -e, --edition NAME      screen or print (default: screen)
      --pdf-standard STD  ua-1 (PDF/UA-1, default) or a-2b (also PDF/A-2b, for archives)
      --check-pdf         run the PDF/UA-1 (and PDF/A-2b) checks of \`briefing check\` on
                          each PDF made: a failed condition is an error, at the
                          manuscript's line where it comes from one (exit 1)
  -f, --format LIST       pdf, html or pdf,html (default: pdf,html)
  -t, --template NAME     template name from templates/, or a folder (default: briefing)
  -j, --concurrency N     documents printed at once (default: cores, at most 4)
      --timeout SECONDS   time budget per document (default: 30)
      --browser PATH      Chrome/Chromium to print with (else BRIEFING_CHROME,
                          PUPPETEER_EXECUTABLE_PATH, then an installed one)
  -w, --watch             rebuild a manuscript when it, its images or its template change
      --stdout            write the one output to standard output instead of a file
      --json              print results as JSON on standard output
      --root DIR          project folder images may come from, and where /x paths
                          start (default: the working directory when the manuscript
                          is inside it, else the nearest folder above the manuscript
                          with briefing.config.json, package.json or .git)
      --strict            front matter must be YAML with a title and only briefing's keys
  -c, --config FILE       configuration file (default: briefing.config.json, or the
                          "briefing" key of package.json, here or in a folder above)
      --no-config         ignore configuration files
  -q, --quiet             print only problems
  -h, --help              show this help
  -v, --version           show the version

Settings: flags beat the manuscript's front matter (template, paper, edition), which
beats the configuration file, which beats the defaults.

Exit status: 0 when every manuscript was built, 1 when one could not be (or, with
--check-pdf, its PDF failed a check), 2 on a usage or configuration error, 130 when
interrupted.`;

/** Help for `briefing check`. */
export const checkUsage = `Usage: briefing check <manuscript.md|folder|glob|->... [options]
       briefing check <file.pdf>... [--json]

Find what is wrong with manuscripts without printing them: front matter, block syntax,
pull quotes, missing images and alt text, broken #links, skipped heading levels, and a
missing summary when the template requires one. Errors would stop a build or break its
output (a build only warns about broken #links); warnings are advice. Given PDFs, runs
the machine checks of PDF/UA-1 (Matterhorn Protocol) and, for files that claim it, PDF/A-2b.

Options:
  -t, --template NAME     check against this template (default: the configured one)
      --json              print results as JSON on standard output
      --root DIR          project folder images may come from (see briefing build --help)
      --strict            front matter must be YAML with a title and only briefing's keys
  -c, --config FILE       configuration file (default: briefing.config.json or package.json)
      --no-config         ignore configuration files
  -q, --quiet             print only problems
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 when no manuscript has errors (warnings allowed), 1 when one has, 2 on a
usage or configuration error.`;

/** Help for `briefing new`. */
export const newUsage = `Usage: briefing new "<title>" [options]

Start a briefing: write manuscripts/<slug>.md with every front-matter key and each
block (summary box, pull quotes) shown once. It builds as it is.

Options:
  -d, --dir DIR           folder to write into (default: manuscripts)
      --force             replace an existing file of the same name
  -h, --help              show this help
  -v, --version           show the version

Prints the new file's path on standard output.`;

/** The document flags `email` and `print` share with `build`. */
const documentFlags = `  -o, --out-dir DIR       where outputs go (default: out)
  -p, --paper SIZE        a4 or letter (default: a4)
  -e, --edition NAME      screen or print
  -t, --template NAME     template name from templates/, or a folder (default: briefing)
      --timeout SECONDS   time budget for the document (default: 30)
      --browser PATH      Chrome/Chromium to print with
      --root DIR          project folder images may come from
      --strict            front matter must be YAML with a title and only briefing's keys
  -c, --config FILE       configuration file
      --no-config         ignore configuration files
  -q, --quiet             print only problems
  -h, --help              show this help
  -v, --version           show the version`;

/** Help for `briefing email`. */
export const emailUsage = `Usage: briefing email <manuscript.md|-> [options]

Build a briefing and write <out-dir>/<name>.eml: a message any mail client opens as a
draft, with the masthead, summary box and bylines as its text (HTML and plain text) and
the PDF attached as <date>-<name>.pdf. With --send, also deliver it over SMTP.

Message options (they beat the configuration's email section; each ADDRESS is exactly
one address, such as desk@example.org or "Desk <desk@example.org>"):
      --to ADDRESS        recipient; repeat for more
      --cc ADDRESS        copy recipient; repeat for more
      --from ADDRESS      sender
      --subject TEXT      subject (default: the title)
      --subject-prefix T  put before the title in the subject, e.g. "[Briefing]"
      --recipients-from-manuscript
                          use the front matter's email.to, email.cc and email.subject
                          when no --to or --cc is given (email.from is never used)
      --send              print the envelope, then deliver through BRIEFING_SMTP_URL
                          (smtp://host:port or smtps://host:port); user and password
                          only from BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD
${documentFlags}

A warning is printed when the PDF is larger than the attachment limit (10 MB, or
email.attachmentLimit in the configuration). Exit status: 0 when the message was written
(and sent), 1 when the briefing could not be built or the server refused it, 2 on a
usage error.`;

/** Help for `briefing print`. */
export const printUsage = `Usage: briefing print <manuscript.md|-> [options]

Build the print edition of a briefing (duplex margins, grayscale-safe, links as notes)
and send it to a printer through the system's spooler (CUPS lp).

Printing options:
  -P, --printer NAME      printer (default: the system's default printer)
  -n, --copies N          copies (default: 1)
  -d, --duplex            print on both sides, bound on the long edge
      --wait              wait until the spooler reports the job completed
${documentFlags}

Exit status: 0 when the job was accepted, 1 when the briefing could not be built or the
spooler refused it (no CUPS, no such printer), 2 on a usage error.`;

/** Help for `briefing` alone. */
export const mainUsage = `Usage: briefing build <manuscript.md|folder|glob|->... [options]
       briefing check <manuscript.md|folder|glob|->... [options]
       briefing new "<title>" [options]
       briefing email <manuscript.md> [--to ADDRESS] [--send] [options]
       briefing print <manuscript.md> [--printer NAME] [--copies N] [--duplex]
       briefing help <command>

Commands:
  build   turn Markdown briefings into HTML and PDF
  check   report problems in manuscripts without printing
  new     start a briefing from a working example
  email   write (and send) the briefing as an e-mail with the PDF attached
  print   print the print edition through the system's spooler

Build ${buildUsage.slice(buildUsage.indexOf("Options:")).replace("Options:", "options:")}`;

/** Help by command name. */
export const usages: Readonly<Record<string, string>> = {build: buildUsage, check: checkUsage, new: newUsage, email: emailUsage, print: printUsage};
