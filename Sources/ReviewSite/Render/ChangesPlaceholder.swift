/// The changes page of a build without a baseline and without a release.
enum ChangesPlaceholder {
    static let none = (
        html: "<h1>Changes</h1>\n<p>No version of this review has been released yet, so there are no changes to show. Run <code>reviewsite release 1.0 --note \"…\"</code> when it is published: later builds then list what changed since the last release. <code>reviewsite build --baseline REV</code> (a git revision or a dataset folder) compares with any other data.</p>\n",
        markdown: "# Changes\n\nNo version of this review has been released yet, so there are no changes to show. Run `reviewsite release 1.0 --note \"…\"` when it is published: later builds then list what changed since the last release. `reviewsite build --baseline REV` (a git revision or a dataset folder) compares with any other data.\n"
    )
}
