(call_expression function: (identifier) @ref.call)
(call_expression function: (field_expression argument: (_) @ref.qualifier field: (field_identifier) @ref.call))
(type_identifier) @ref.type
