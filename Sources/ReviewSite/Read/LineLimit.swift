/// How long the review's metadata may be: every page of the site repeats
/// the review's title, its citation, its provenance and every page's title
/// in the navigation, so one long value (a 20 MB title made a 631 MB site)
/// is multiplied by the pages.
enum LineLimit {
    /// A title, heading, name or other single line (docs/site.md).
    static let line = 500
    /// The provenance: a paragraph in every page's footer.
    static let paragraph = 5_000

    /// Why `value` is too long for `limit`; nil when it fits. Characters
    /// are counted as a reader sees them (an accented letter is one).
    static func problem(_ value: String, limit: Int = line) -> String? {
        // A character takes at least one byte: a short value is not counted.
        guard value.utf8.count > limit else { return nil }
        let count = value.count
        guard count > limit else { return nil }
        return "\(Echo.quoted(value)) is \(grouped(count)) characters long (expected at most \(grouped(limit)) characters)"
    }
}
