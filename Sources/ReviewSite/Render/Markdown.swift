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

    /// Every image of the text as libcmark reads it (inline and reference
    /// forms alike), with the line and column of the block that holds it:
    /// libcmark keeps no position for inline elements.
    static func images(_ markdown: String) -> [(target: String, line: Int, column: Int)] {
        let bytes = Array(markdown.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ pointer in
            pointer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) }
        }) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [(String, Int, Int)] = []
        var block: (line: Int, column: Int) = (1, 1)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { block = (line, Int(cmark_node_get_start_column(node))) }
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                found.append((cmark_node_get_url(node).map { String(cString: $0) } ?? "", block.line, block.column))
            }
        }
        return found
    }
}
