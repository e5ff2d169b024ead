// Which files a site is made from: the dataset's files it offers for
// download, and the table pages the templates declare.

extension SiteBuilder {
    /// The files of the dataset that the site offers for download: the
    /// review's YAML files around the tables' files, in the codebook's order.
    static func datasetFiles(_ codebook: Codebook) -> [String] {
        ["codebook.yaml", "review.yaml", "prisma.yaml"] + codebook.tables.map(\.fileName) + ["published.yaml", "search.yaml"]
    }

    /// Whether a file name is one a dataset folder may hold (a table's CSV file or a YAML file).
    static func isDatasetFile(_ name: String) -> Bool {
        name.hasSuffix(".csv") || name.hasSuffix(".yaml")
    }

    /// The table pages site.yaml may list: the tables of tables.yaml.
    static func tableIDs(inTemplates folder: String) -> [String] {
        TableFile.read(TableFile.path(inTemplates: folder)).file.tables.map(\.id)
    }
}
