/// The changes page of a build without a baseline and without a release.
enum ChangesPlaceholder {
    static let none = (
        html: "<h1>Changes</h1>\n<p>This build has no baseline, so there are no changes to show. Build with <code class=\"command\">reviewsite build --baseline REV</code> (a git revision or a dataset folder) to list what a data update changed.</p>\n",
        markdown: "# Changes\n\nThis build has no baseline, so there are no changes to show. Build with `reviewsite build --baseline REV` (a git revision or a dataset folder) to list what a data update changed.\n"
    )
}
