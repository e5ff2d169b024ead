import Foundation
import Testing
@testable import ReviewSite

/// Every internal link of a built site, checked without a browser: the
/// file it names exists and so does the element its `#fragment` names.
/// (The browser test, Tests/Browser/check_site.py, checks the same in
/// Chromium; this one runs in a second.)
enum SiteLinks {
    /// One broken link, as `page: href (why)`.
    static func broken(_ site: SiteFiles) -> [String] {
        var ids: [String: Set<String>] = [:]
        func elementIDs(_ path: String) -> Set<String> {
            if let known = ids[path] { return known }
            let found = Set(matches(#"\bid="([^"]*)""#, in: site[path] ?? "").map(unescape))
            ids[path] = found
            return found
        }
        var problems: [String] = []
        for page in site.paths where page.hasSuffix(".html") || page.hasSuffix(".svg") {
            let folder = (page as NSString).deletingLastPathComponent
            for raw in matches(#"\b(?:href|src)="([^"]*)""#, in: site[page] ?? "") {
                let link = unescape(raw)
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = parts[0].isEmpty ? page : (folder.isEmpty ? parts[0] : "\(folder)/\(parts[0])")
                // `charts/../figures.html` (a standalone chart's link) is `figures.html`.
                var resolved: [Substring] = []
                for part in target.split(separator: "/") {
                    if part == "..", !resolved.isEmpty { resolved.removeLast() } else { resolved.append(part) }
                }
                target = resolved.joined(separator: "/")
                guard site.files[target] != nil else {
                    problems.append("\(page): \(link) (no file \(target))")
                    continue
                }
                if parts.count == 2, let fragment = parts[1].removingPercentEncoding, !elementIDs(target).contains(fragment) {
                    problems.append("\(page): \(link) (no element with id \(fragment) in \(target))")
                }
            }
        }
        return problems
    }

    /// Internal links of a site, counted: a check that found none checked nothing.
    static func count(_ site: SiteFiles) -> Int {
        site.paths.filter { $0.hasSuffix(".html") }.reduce(0) { $0 + matches(##"\bhref="([^"#:][^"]*|#[^"]+)""##, in: site[$1] ?? "").count }
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

@Suite("Links of the site")
struct SiteLinkTests {
    @Test func everyInternalLinkOfTheDefaultSiteResolves() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        #expect(SiteLinks.broken(site) == [])
        #expect(SiteLinks.count(site) > 300)
    }

    @Test func everyInternalLinkOfTheHostileSiteResolves() throws {
        let fixture = try hostileFixture()
        defer { fixture.delete() }
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        #expect(SiteLinks.broken(site) == [])
    }

    @Test func theCheckFindsAMissingFileAndAMissingElement() throws {
        var site = SiteFiles()
        site.add("index.html", bytes: Array(##"<a href="a.html#x">a</a> <a href="gone.html">b</a> <a href="#top">c</a> <a href="a.html#y">d</a>"##.utf8))
        site.add("a.html", bytes: Array(#"<p id="x">x</p>"#.utf8))
        #expect(SiteLinks.broken(site) == [
            "index.html: gone.html (no file gone.html)",
            "index.html: #top (no element with id top in index.html)",
            "index.html: a.html#y (no element with id y in a.html)",
        ])
    }
}
