export * from './kube-tools';
export * from './render-chart';
export * from './validate-manifests';
export * from './dapr-crd-schemas';
export * from './manifests';
export * from './monitoring';
export * from './promql';
