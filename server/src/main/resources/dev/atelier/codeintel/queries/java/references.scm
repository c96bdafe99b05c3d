; Java references
(method_invocation object: (_)? @ref.qualifier name: (identifier) @ref.call)
(object_creation_expression type: [(type_identifier) (scoped_type_identifier) (generic_type)] @ref.call)
(explicit_constructor_invocation constructor: [(this) (super)] @ref.call)
(superclass [(type_identifier) (scoped_type_identifier)] @ref.inherit)
(superclass (generic_type [(type_identifier) (scoped_type_identifier)] @ref.inherit))
(super_interfaces (type_list [(type_identifier) (scoped_type_identifier)] @ref.inherit))
(super_interfaces (type_list (generic_type [(type_identifier) (scoped_type_identifier)] @ref.inherit)))
(extends_interfaces (type_list [(type_identifier) (scoped_type_identifier)] @ref.inherit))
(extends_interfaces (type_list (generic_type [(type_identifier) (scoped_type_identifier)] @ref.inherit)))
(type_identifier) @ref.type
(marker_annotation name: (_) @ref.type)
(annotation name: (_) @ref.type)
(method_reference (_) @ref.qualifier . (identifier) @ref.call)
