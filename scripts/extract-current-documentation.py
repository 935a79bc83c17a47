"""Writes the API reference part of specs/documents/aws-lambda-create-event-source-mapping-current.txt
from AWS's current service model for Lambda, as botocore ships it, keeping the recorded answers below
RECORDED (they are copied by hand, each with its source). Run: python3 scripts/extract-current-documentation.py"""
import gzip, html, json, os, re, sys
import botocore

DOCUMENT = os.path.join(os.path.dirname(__file__), '..', 'specs', 'documents', 'aws-lambda-create-event-source-mapping-current.txt')
RECORDED = '== Recorded answers of real AWS (source C) and hints (source B) =='
MODEL = os.path.join(os.path.dirname(botocore.__file__), 'data', 'lambda', '2015-03-31', 'service-2.json.gz')
NESTED = ['FilterCriteria', 'Filter', 'Pattern', 'DestinationConfig', 'OnFailure', 'OnSuccess', 'DestinationArn', 'ScalingConfig', 'MaximumConcurrency', 'FunctionResponseType', 'FunctionResponseTypeList', 'EventSourceMappingArn', 'FunctionArn', 'EventSourceMappingMetricsConfig', 'EventSourceMappingMetric', 'ProvisionedPollerConfig']


def text(markup):
    """The documentation string as the API reference reads: tags dropped, entities decoded, one line."""
    return re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', ' ', markup or ''))).replace(' .', '.').replace(' ,', ',').strip()


def constraints(shape, required):
    """A shape's facets in the API reference's wording."""
    lines = ['Type: ' + {'structure': 'Object', 'list': 'Array', 'boolean': 'Boolean', 'integer': 'Integer', 'string': 'String', 'timestamp': 'Timestamp', 'map': 'Map'}.get(shape['type'], shape['type'])]
    noun = 'items' if shape['type'] == 'list' else 'length'
    if 'min' in shape or 'max' in shape:
        if shape['type'] == 'integer':
            lines.append(f"Valid Range: Minimum value of {shape.get('min')}. Maximum value of {shape.get('max')}.")
        else:
            lines.append(f"{'Array Members' if noun == 'items' else 'Length Constraints'}: Minimum {'number of' if noun == 'items' else 'length of'} {shape.get('min', 0)}{' items' if noun == 'items' else ''}. Maximum {'number of' if noun == 'items' else 'length of'} {shape.get('max')}{' items' if noun == 'items' else ''}.")
    if 'enum' in shape:
        lines.append('Valid Values: ' + ' | '.join(shape['enum']))
    if 'pattern' in shape:
        lines.append('Pattern: ' + shape['pattern'])
    if required is not None:
        lines.append('Required: ' + ('Yes' if required else 'No'))
    return lines


def members(model, name, required_names):
    shape = model['shapes'][name]
    out = []
    for member, ref in shape.get('members', {}).items():
        inner = model['shapes'][ref['shape']]
        out.append(f'{member}')
        out.append(f'  {text(ref.get("documentation"))}')
        out += [f'  {line}' for line in constraints(inner, member in required_names if required_names is not None else None)]
    return out


def main():
    model = json.load(gzip.open(MODEL))
    operation = model['operations']['CreateEventSourceMapping']
    request = model['shapes'][operation['input']['shape']]
    lines = [
        'AWS Lambda CreateEventSourceMapping, as documented today.',
        '',
        f'Source A: AWS\'s service model for Lambda (API version {model["metadata"]["apiVersion"]}), as shipped in botocore {botocore.__version__}',
        '(data/lambda/2015-03-31/service-2.json.gz): its documentation strings are today\'s API reference. Written by',
        'scripts/extract-current-documentation.py: tags dropped; each shape\'s constraints (min, max, enum, pattern, required)',
        'spelt as the API reference spells them. Below RECORDED: the recorded answers of real AWS (source C) and hints',
        '(source B), copied by hand from ../shared/docs/aws-current-behaviour.md and the public records it names, each with its source.',
        '',
        '== CreateEventSourceMapping (source A) ==',
        text(operation.get('documentation')),
        f'{operation["http"]["method"]} {operation["http"]["requestUri"]} HTTP/1.1 Content-type: application/json',
        f'If the action is successful, the service sends back an HTTP {operation["http"]["responseCode"]} response.',
        'Errors: ' + ', '.join(error['shape'] for error in operation['errors']),
        '',
        '== Request members (source A) ==',
        *members(model, operation['input']['shape'], request.get('required', [])),
        '',
        '== Shapes inside request members (source A) ==',
    ]
    for name in NESTED:
        shape = model['shapes'][name]
        lines.append(f'{name}: {text(shape.get("documentation"))}'.rstrip(': '))
        lines += [f'  {line}' for line in constraints(shape, None)]
        lines += [f'  {line}' for line in members(model, name, None)]
    lines += ['', '== Response members (source A) ==', *members(model, operation['output']['shape'], None), '', '== Errors (source A) ==']
    for error in operation['errors']:
        shape = model['shapes'][error['shape']]
        lines.append(f'{error["shape"]} (HTTP {shape["error"]["httpStatusCode"]}): {text(shape.get("documentation"))}')
    recorded = ''
    if os.path.exists(DOCUMENT):
        existing = open(DOCUMENT, encoding='utf-8').read()
        recorded = existing[existing.index(RECORDED):] if RECORDED in existing else ''
    with open(DOCUMENT, 'w', encoding='utf-8') as out:
        out.write('\n'.join(lines) + '\n\n' + (recorded or RECORDED + '\n'))


if __name__ == '__main__':
    sys.exit(main())
