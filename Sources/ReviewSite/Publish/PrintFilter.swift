import Foundation

/// The pandoc filter (Lua) of the Word file's first pass, Markdown to
/// pandoc's JSON: no writer of that pass reads or fetches anything, so an
/// image that is not one of the document's own stops the run before a
/// second pass could embed it. It also turns the section marks into Word
/// section breaks (raw OpenXML is off for the text itself).
enum PrintFilter {
    static func lua(images: [String: String]) -> String {
        let table = images.sorted { $0.key < $1.key }.map { "  [\(string($0.key))] = \(string($0.value)),\n" }.joined()
        return """
        local files = {
        \(table)}
        function Image(image)
          local file = files[image.src]
          if file == nil then
            error("reviewsite: image '" .. image.src .. "' is not a file of the site (expected an image of the templates folder or a chart)", 0)
          end
          image.src = file
          return image
        end
        local breaks = {
          [\(string(PrintDocument.portraitEnd))] = \(string(section(landscape: false))),
          [\(string(PrintDocument.landscapeEnd))] = \(string(section(landscape: true))),
        }
        function Div(div)
          local xml = breaks[div.identifier]
          if xml then return pandoc.RawBlock("openxml", xml) end
        end

        """
    }

    /// A Word section break: the page of the section it ends (A4; a section break carries that section's properties).
    static func section(landscape: Bool) -> String {
        let size = landscape ? #"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"# : #"<w:pgSz w:w="11906" w:h="16838"/>"#
        let margin = landscape ? 851 : 1134
        return "<w:p><w:pPr><w:sectPr>\(size)<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:pPr></w:p>"
    }

    /// A Lua string literal of any text: every byte outside printable ASCII, quotes and backslashes as `\\ddd`.
    static func string(_ text: String) -> String {
        "\"" + text.utf8.map { byte in
            (32..<127).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                ? String(UnicodeScalar(byte)) : "\\" + String(format: "%03d", byte)
        }.joined() + "\""
    }
}
