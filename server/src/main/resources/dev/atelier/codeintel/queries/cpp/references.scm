(call_expression function: (identifier) @ref.call)
(call_expression function: (qualified_identifier scope: (_) @ref.qualifier name: (identifier) @ref.call))
(call_expression function: (field_expression argument: (_) @ref.qualifier field: (field_identifier) @ref.call))
(call_expression function: (template_function name: (identifier) @ref.call))
(new_expression type: (type_identifier) @ref.call)
(base_class_clause (type_identifier) @ref.inherit)
(base_class_clause (qualified_identifier name: (type_identifier) @ref.inherit))
(base_class_clause (template_type name: (type_identifier) @ref.inherit))
(type_identifier) @ref.type
