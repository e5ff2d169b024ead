import Foundation

/// The pandoc filter (Lua) of the Word file's first pass, Markdown to
/// pandoc's JSON: no writer of that pass reads or fetches anything, so an
/// image that is not one of the document's own stops the run before a
/// second pass could embed it. It also turns the section marks into Word
/// section breaks (raw OpenXML is off for the text itself), a link to a
/// page of the site into its text, sets the title, authors and subject,
/// and gives each table's columns widths fitted to their words.
enum PrintFilter {
    static func lua(_ document: PrintDocument) -> String {
        let table = document.images.sorted { $0.key < $1.key }.map { "  [\(string($0.key))] = \(string($0.value)),\n" }.joined()
        let authors = document.authors.map { "pandoc.MetaInlines({pandoc.Str(\(string($0)))})" }.joined(separator: ", ")
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
        -- A page of the site is no place in a Word file: its link becomes its text.
        function Link(link)
          if not (link.target:match("^https?:") or link.target:match("^mailto:")) then return link.content end
        end
        local breaks = {
          [\(string(PrintDocument.portraitEnd))] = \(string(section(landscape: false))),
          [\(string(PrintDocument.landscapeEnd))] = \(string(section(landscape: true))),
          [\(string(PrintDocument.pageBreak))] = \(string(#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#)),
        }
        function Div(div)
          local xml = breaks[div.identifier]
          if xml then return pandoc.RawBlock("openxml", xml) end
        end
        function Meta(meta)
          meta.title = pandoc.MetaInlines({pandoc.Str(\(string(document.title)))})
          meta.author = pandoc.MetaList({\(authors)})
          meta.subject = pandoc.MetaString(\(string(document.subject)))
          return meta
        end
        \(columns)
        """
    }

    /// Each column's share of the table's width, from its longest word (which
    /// must not break) and its typical cell, so that no word is cut in two.
    static let columns = """
    local function length(text) return utf8.len(text) or #text end
    function Table(tbl)
      local count = #tbl.colspecs
      local longest, total, cells = {}, {}, {}
      for j = 1, count do longest[j], total[j], cells[j] = 1, 0, 0 end
      local function measure(rows)
        for _, row in ipairs(rows) do
          for j, cell in ipairs(row.cells) do
            if j <= count then
              local text = pandoc.utils.stringify(cell.contents)
              for word in text:gmatch("%S+") do longest[j] = math.max(longest[j], length(word)) end
              total[j], cells[j] = total[j] + length(text), cells[j] + 1
            end
          end
        end
      end
      measure(tbl.head.rows)
      for _, body in ipairs(tbl.bodies) do measure(body.body) end
      -- Each column first gets its longest word (and room around it), then
      -- the room left on a landscape line (about 140 characters of 9 points) goes to
      -- the columns whose cells are longer than that.
      local weights, sum, wanted = {}, 0, 0
      for j = 1, count do
        weights[j] = longest[j] + 3
        sum = sum + weights[j]
        local typical = cells[j] > 0 and total[j] / cells[j] or 0
        wanted = wanted + math.max(0, typical - weights[j])
      end
      local left = math.max(0, 140 - sum)
      for j = 1, count do
        local typical = cells[j] > 0 and total[j] / cells[j] or 0
        if wanted > 0 then weights[j] = weights[j] + left * math.max(0, typical - weights[j]) / wanted end
      end
      sum = 0
      for j = 1, count do sum = sum + weights[j] end
      for j = 1, count do tbl.colspecs[j] = {tbl.colspecs[j][1], weights[j] / sum} end
      return tbl
    end

    """

    /// A Word section break: the page of the section it ends (A4; a section break carries that section's properties).
    static func section(landscape: Bool) -> String {
        "<w:p><w:pPr>" + properties(landscape: landscape) + "</w:pPr></w:p>"
    }

    /// A section's page: A4, portrait or landscape.
    static func properties(landscape: Bool) -> String {
        let size = landscape ? #"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"# : #"<w:pgSz w:w="11906" w:h="16838"/>"#
        let margin = landscape ? 851 : 1134
        return "<w:sectPr>\(size)<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    }

    /// A Lua string literal of any text: every byte outside printable ASCII, quotes and backslashes as `\\ddd`.
    static func string(_ text: String) -> String {
        "\"" + text.utf8.map { byte in
            (32..<127).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                ? String(UnicodeScalar(byte)) : "\\" + String(format: "%03d", byte)
        }.joined() + "\""
    }
}
