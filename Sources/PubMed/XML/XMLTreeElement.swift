/// A small in-memory element tree for one record (or one short E-utilities answer), built from the stream so
/// that memory stays proportional to one record, not to the file.
struct XMLTreeElement: Sendable {
    enum Node: Sendable {
        case element(XMLTreeElement)
        case text(String)
    }

    var name: String
    var attributes: [(name: String, value: String)]
    var children: [Node] = []

    init(name: String, attributes: [(name: String, value: String)] = []) {
        self.name = name
        self.attributes = attributes
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element with this name.
    func child(_ name: String) -> XMLTreeElement? {
        for case .element(let element) in children where element.name == name {
            return element
        }
        return nil
    }

    /// All child elements with this name, in order.
    func children(named name: String) -> [XMLTreeElement] {
        children.compactMap {
            if case .element(let element) = $0, element.name == name { return element }
            return nil
        }
    }

    /// The first element reached by following child names.
    func path(_ names: String...) -> XMLTreeElement? {
        var current: XMLTreeElement? = self
        for name in names {
            current = current?.child(name)
        }
        return current
    }

    /// All text inside the element, inline markup (`<i>`, `<sup>`, MathML) flattened, whitespace collapsed.
    var text: String {
        var raw = ""
        appendText(to: &raw)
        return TextNormalizer.collapse(raw)
    }

    /// `text`, or nil when it is empty.
    var nonEmptyText: String? {
        let value = text
        return value.isEmpty ? nil : value
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let value): result += value
            case .element(let element): element.appendText(to: &result)
            }
        }
    }
}

extension XMLStreamReader {
    /// Reads the element the reader stands on, with everything inside it, into a tree. Elements named in
    /// `skipping` are passed over unread. Leaves the reader on the element's end (or on the empty element).
    func readTree(skipping: Set<String> = []) throws -> XMLTreeElement {
        let rootName = localName
        var stack = [XMLTreeElement(name: rootName, attributes: attributes())]
        if isEmptyElement {
            return stack[0]
        }
        var hasNode = try read()
        while hasNode {
            switch nodeKind {
            case .element:
                let name = localName
                if skipping.contains(name) {
                    hasNode = try skipSubtree()
                    continue
                }
                let element = XMLTreeElement(name: name, attributes: attributes())
                if isEmptyElement {
                    stack[stack.count - 1].children.append(.element(element))
                } else {
                    stack.append(element)
                }
            case .endElement:
                let finished = stack.removeLast()
                if stack.isEmpty {
                    return finished
                }
                stack[stack.count - 1].children.append(.element(finished))
            case .text:
                stack[stack.count - 1].children.append(.text(value))
            case .whitespace:
                stack[stack.count - 1].children.append(.text(" "))
            case .other:
                break
            }
            hasNode = try read()
        }
        throw PubMedXMLError.truncated(line: line, message: "document ends inside <\(rootName)>")
    }

    /// Moves to the root element. Throws `.empty` when the document has none.
    func moveToRoot() throws {
        while try read() {
            if nodeKind == .element {
                return
            }
        }
        throw PubMedXMLError.empty
    }
}
