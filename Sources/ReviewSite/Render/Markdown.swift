import Ccmark
import Foundation

/// CommonMark to HTML through libcmark: the only file that imports it.
///
/// Safe mode (libcmark's default): raw HTML in the Markdown is replaced by a
/// comment, so nothing from data or templates reaches the page as markup.
enum Markdown {
    static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let bytes = Array(markdown.utf8)
        guard let buffer = bytes.withUnsafeBufferPointer({ pointer in
            pointer.withMemoryRebound(to: CChar.self) { cmark_markdown_to_html($0.baseAddress, $0.count, options) }
        }) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
