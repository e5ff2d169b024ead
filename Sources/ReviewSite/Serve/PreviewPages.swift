import Foundation
import ReviewSite

/// What the preview adds to the built pages when it serves them: the
/// script that reloads a page on the server's events, and the page shown
/// instead of the site while a build fails. Neither is ever in a built site.
enum PreviewPages {
    /// The script, carrying the generation the page was served from.
    static func script(tag: String) -> String {
        """
        <script>
        (() => {
          const shown = "\(tag)";
          const events = new EventSource("\(ReloadEvents.path)");
          const check = (event) => { if (event.data !== shown) { events.close(); location.reload(); } };
          events.addEventListener("site", check);
          events.addEventListener("reload", check);
        })();
        </script>

        """
    }

    /// The page with the script before its last `</body>` (at its end when it has none).
    static func inject(_ script: String, into page: [UInt8]) -> [UInt8] {
        let end = Array("</body>".utf8)
        var index = page.count - end.count
        while index >= 0 {
            if page[index] == end[0] && page[index..<(index + end.count)].elementsEqual(end) {
                return Array(page[..<index]) + Array(script.utf8) + Array(page[index...])
            }
            index -= 1
        }
        return page + Array(script.utf8)
    }

    static let failedIntro = "Fix what these messages name and save the file: this page reloads by itself. The terminal shows the same messages."

    /// Every message of the failed build, escaped, one per line as the terminal shows them.
    static func errorPage(_ messages: [String], tag: String, title: String = "The site could not be built", intro: String = failedIntro) -> [UInt8] {
        let items = messages.map { "<li><code>\(Escape.html($0))</code></li>" }.joined(separator: "\n")
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escape.html(title)) · reviewsite serve</title>
        <style>
        body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
        h1 { color: #a00; font-size: 1.4rem; }
        ul { padding: 0; list-style: none; }
        li { margin: 0 0 .6rem; overflow-wrap: anywhere; }
        code { font: .9rem/1.4 ui-monospace, monospace; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <main>
        <h1>\(Escape.html(title))</h1>
        <p>\(Escape.html(intro))</p>
        <ul class="build-errors">
        \(items)
        </ul>
        </main>
        </body>
        </html>

        """
        return inject(script(tag: tag), into: Array(page.utf8))
    }

    /// The Content-Type of a file of the site, by its extension.
    static func contentType(_ path: String) -> String {
        let ext = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last : nil }.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "yaml", "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "sqlite": return "application/vnd.sqlite3"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return "application/octet-stream"
        }
    }
}
