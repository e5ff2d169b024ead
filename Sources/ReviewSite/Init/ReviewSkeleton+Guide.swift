/// The two files that make a new review's folder a project of its own: a
/// guide for the team and what git leaves out.
extension ReviewSkeleton {
    static let guide = """
        # Our systematic review

        This folder is a systematic review for the reviewsite program: the
        extracted data in `data/`, the report's pages in `templates/`. Every
        number of the report is computed from the data, and every page is
        built from the templates.

        ## Commands (run them in this folder)

        | command | what it does |
        | --- | --- |
        | `reviewsite check` | checks the data and the templates; names every problem with its file, line and column |
        | `reviewsite build` | writes the site into `site/` (open `site/index.html`) |
        | `reviewsite test` | the review's own test, for CI: valid data, templates that compile, printed figures that match, a site that builds |
        | `reviewsite diff HEAD` | what the working data change in the report since the last commit |
        | `reviewsite publish` | `site/supplement.pdf` and `site/manuscript.docx` for the journal |
        | `reviewsite workbook --out extraction-new.xlsx` | the extraction workbook, with a drop-down list on every code column |

        ## Where to edit what

        | to change | edit |
        | --- | --- |
        | the columns, their codes and the words readers see | `data/codebook.yaml` |
        | the extracted rows | the CSV files of `data/` (or one workbook, `data/extraction.xlsx`) |
        | title, authors, journal, DOI, registration | `data/review.yaml` |
        | the PRISMA flow's counts | `data/prisma.yaml` |
        | the figures as the article printed them | `data/published.yaml` (once published) |
        | the report's figures (each a small query) | `templates/figures.yaml` |
        | the pages' text, with `{{figure.id}}` where a number goes | `templates/*.md` |
        | the tables and the charts | `templates/tables.yaml`, `templates/charts.yaml` |
        | the pages, their order and titles | `templates/site.yaml` |

        Run `reviewsite check` after each change. In CI, run `reviewsite test`.

        """

    /// The built site is made again from the data: leave it out of git,
    /// or remove the line to keep the published pages with each version.
    static let ignored = """
        # The built site (reviewsite build); remove this line to commit it.
        /site/

        """
}
