/// A node of a YAML file as the readers see it: every scalar is text (the
/// readers check numbers and codes themselves, so nothing is guessed from
/// its look), and every node knows the line and column it starts at.
/// `YAMLNode.compose` makes the tree from libyaml's events.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// Where a node starts, counted from 1.
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable {
        enum Style: Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        var string: String
        var style: Style
        var mark: Mark
    }

    /// Key–value pairs in the order written (keys are unique: composing
    /// refuses a repeated key).
    struct Mapping: Sendable, RandomAccessCollection {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the scalar key `key`.
        subscript(key: String) -> YAMLNode? {
            pairs.first { $0.key.string == key }?.value
        }

        var keys: [YAMLNode] { pairs.map(\.key) }
    }

    struct List: Sendable, RandomAccessCollection {
        var items: [YAMLNode]
        var mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let list): list.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mapping: Mapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    var sequence: List? {
        if case .sequence(let list) = self { return list }
        return nil
    }

    /// The text of a scalar.
    var string: String? { scalar?.string }
}
