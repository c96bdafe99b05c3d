(call_expression function: (identifier) @ref.call)
(call_expression function: (selector_expression operand: (_) @ref.qualifier field: (field_identifier) @ref.call))
(type_identifier) @ref.type
(qualified_type package: (package_identifier) @ref.qualifier name: (type_identifier) @ref.type)
(composite_literal type: (type_identifier) @ref.call)
(struct_type (field_declaration_list (field_declaration !name type: (type_identifier) @ref.inherit)))
(interface_type (type_elem (type_identifier) @ref.inherit))
